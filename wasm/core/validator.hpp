// Checks a request or response body against an operation's model; every finding is collected.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "catalog.hpp"
#include "diagnostics.hpp"
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

// One diagnostic as the JSON object of the README's "Diagnostics" (suggestion only when there is one).
nlohmann::ordered_json diagnostic_json(const Diagnostic& diagnostic);

// {"operation", "direction", "valid", "diagnostics": [...]} as compact JSON.
std::string validation_json(const ValidationResult& result);

// The same answer as a record the page reads without parsing JSON (web/gpb-api.js, readValidation):
// little-endian 32-bit words, then one run of UTF-8 text holding every string in order.
//   words: kValidationRecordMark (no JSON text starts with byte FF), flags (1 valid, 2 response),
//          the number of diagnostics, the text's length in bytes, the operation's length;
//   then per diagnostic: severity (Severity's value), line, column, endLine, endColumn and the
//          lengths of its code, pointer, message and suggestion (kNoSuggestion when it has none).
// Lengths of strings count UTF-16 units; the text's strings are in the order of their lengths.
constexpr uint32_t kValidationRecordMark = 0xFFFFFFFFu;
constexpr uint32_t kNoSuggestion = 0xFFFFFFFFu;
std::string validation_record(const ValidationResult& result);

}  // namespace gpb
