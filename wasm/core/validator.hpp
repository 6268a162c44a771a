// Checks a request or response body against an operation's model; every finding is collected.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "catalog.hpp"
#include "diagnostics.hpp"
#include "held_body.hpp"
#include "json_tree.hpp"

namespace gpb {

enum class Direction { Request, Response };

struct ValidationResult {
    std::string operationId;
    Direction direction = Direction::Request;
    Diagnostics diagnostics;  // in document order, with lines and columns
    bool parsed = false;      // false when the body is not JSON (or hit a limit)

    bool valid() const { return !has_error(diagnostics); }
};

ValidationResult validate_body(const Catalog& catalog, const OperationDef& operation, std::string_view text, Direction direction,
                               const ParseLimits& limits = {});

// A member's string or number value as a check saw it: its token (a string's quotes included), the
// property it is checked against and the pointer its findings carry.
struct WatchedValue {
    const PropertyDef* property = nullptr;  // null when no value is watched
    NodeKind kind = NodeKind::String;
    uint32_t begin = 0, end = 0;
    std::string pointer;
    uint32_t line = 0, column = 0, units = 0;  // where the token starts, and its length in UTF-16 units
    size_t listedBefore = 0;                   // findings listed when the value was checked
};

// The strings of the last record one reader decoded (a held body's, or the whole-text checks').
struct RecordText {
    bool recorded = false;  // whether `text` holds a record's strings yet
    std::string text;
};

// What a held body's last check found, kept for the next one (validate_held).
struct CheckMemo {
    const Catalog* catalog = nullptr;  // valid only while Catalog::generation() is `generation`
    uint64_t generation = 0;
    const OperationDef* operation = nullptr;
    Direction direction = Direction::Request;
    ValidationResult result;
    WatchedValue value;
    RecordText lastRecord;  // the strings of the record last written from `result`
};

// A held body's text checked, with the answer validate_body gives for it (README, "A held body").
// A check watches the string or number value the body's last edit fell in. When every edit since
// stayed between that string's quotes and left there only characters that need no escape, or stayed
// on that number (its ends included) and left one number there, the next check of the same
// operation checks that value alone and moves the other findings; any other edit checks the whole
// text again.
const ValidationResult& validate_held(const Catalog& catalog, const OperationDef& operation, HeldBody& body, Direction direction,
                                      CheckMemo& memo);

// One diagnostic as the JSON object of the README's "Diagnostics" (suggestion only when there is one).
nlohmann::ordered_json diagnostic_json(const Diagnostic& diagnostic);

// {"operation", "direction", "valid", "diagnostics": [...]} as compact JSON.
std::string validation_json(const ValidationResult& result);

// The same answer as a record the page reads without parsing JSON (web/gpb-api.js, readValidation):
// little-endian 32-bit words, then one run of UTF-8 text holding every string in order.
//   words: kValidationRecordMark (no JSON text starts with byte FF), flags (1 valid, 2 response,
//          4 the text is that of the reader's last record: see mark_repeated_text),
//          the number of diagnostics, the text's length in bytes, the operation's length;
//   then per diagnostic: severity (Severity's value), line, column, endLine, endColumn and the
//          lengths of its code, pointer, message and suggestion (kNoSuggestion when it has none).
// Lengths of strings count UTF-16 units; the text's strings are in the order of their lengths.
constexpr uint32_t kValidationRecordMark = 0xFFFFFFFFu;
constexpr uint32_t kNoSuggestion = 0xFFFFFFFFu;
constexpr uint32_t kRecordSameText = 4;
constexpr size_t kRecordHeaderWords = 5, kRecordDiagnosticWords = 9;
std::string validation_record(const ValidationResult& result);
// Flags a record kRecordSameText when its text is byte for byte `last`'s, which its reader has
// decoded already (checking as one types mostly leaves every message as it was); otherwise its text
// becomes `last`. An answer that is not a record (an error's JSON) is left as it is.
void mark_repeated_text(std::string& record, RecordText& last);
// The record of a held body's last check (memo.result), marked against the body's record before it.
std::string held_validation_record(CheckMemo& memo);

}  // namespace gpb
