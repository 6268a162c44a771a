// A JSON tree that remembers where every key and value stands in the source text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "json_scan.hpp"

namespace gpb {

enum class NodeKind : uint8_t { Object, Array, String, Number, Boolean, Null };

const char* node_kind_name(NodeKind kind);  // "an object", "a string", ...

constexpr uint32_t kNoNode = 0xFFFFFFFFu;

struct JsonNode {
    NodeKind kind = NodeKind::Null;
    bool boolValue = false;
    bool hasKey = false;
    bool integerLiteral = false;  // a number written without fraction or exponent
    bool integerFits = false;     // ...that fits in int64 (intValue is valid)
    int64_t intValue = 0;
    double numberValue = 0;
    uint32_t parent = kNoNode;
    uint32_t begin = 0, end = 0;        // byte range of the value (containers include brackets)
    uint32_t keyBegin = 0, keyEnd = 0;  // byte range of the member name with its quotes
    std::string key;                    // decoded member name
    std::string text;                   // decoded string value, or the number as written
    std::vector<uint32_t> children;
};

struct JsonDocument {
    std::vector<JsonNode> nodes;  // nodes[0] is the root when parsing succeeded
    bool complete = false;

    const JsonNode& root() const { return nodes[0]; }
    const JsonNode& at(uint32_t index) const { return nodes[index]; }
    // The first member of an object with this name, or nullptr.
    const JsonNode* member(const JsonNode& object, std::string_view name) const;
};

// Parses text; syntax errors, duplicate keys and limits become diagnostics (no line/column yet).
JsonDocument parse_json(std::string_view text, const ParseLimits& limits, Diagnostics& diagnostics);

// A reader's error as a diagnostic ("json-syntax" or "limit").
Diagnostic scan_error_diagnostic(const ScanError& error);

// The finding for a member name seen twice in one object.
Diagnostic duplicate_key_diagnostic(std::string_view name, uint32_t begin, uint32_t end, std::string pointer);

// JSON text of a string, with quotes; a byte that is not UTF-8 becomes U+FFFD.
std::string json_quote(std::string_view value);
void append_json_string(std::string& out, std::string_view value);
// The same written at `to`, which must have json_string_room(value) bytes; returns the end.
char* write_json_string(char* to, std::string_view value);
// The most value takes quoted: a byte the reader must look at (a quote, a backslash, a control,
// non-ASCII) at worst a six-byte \u escape, every other byte itself.
size_t json_string_room(std::string_view value);

}  // namespace gpb
