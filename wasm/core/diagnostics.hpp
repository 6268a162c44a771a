// Diagnostics are data: a stable code, a JSON Pointer and a source range beside a human message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gpb {

enum class Severity { Error, Warning, Info };

const char* severity_name(Severity severity);

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string_view code;  // a code's name (code_name): text that lives as long as the program
    std::string pointer;    // RFC 6901; "" is the root
    uint32_t begin = 0;     // byte offsets into the text, end exclusive
    uint32_t end = 0;
    uint32_t line = 1;  // 1-based; columns count UTF-16 code units, end exclusive
    uint32_t column = 1;
    uint32_t endLine = 1;
    uint32_t endColumn = 1;
    std::string message;
    std::string suggestion;  // replacement text for [begin, end); empty when there is none
    bool hasSuggestion = false;
};

using Diagnostics = std::vector<Diagnostic>;

// At most this many findings are listed for one text: a body with a million bad members must not
// take the memory of a million messages. The rest are counted in one "limit" finding.
constexpr size_t kMaxDiagnostics = 1000;

bool has_error(const Diagnostics& diagnostics);

// Appends one member name to a JSON Pointer, escaping '~' and '/'.
void append_pointer_token(std::string& pointer, std::string_view token);
std::string pointer_append(const std::string& pointer, const std::string& token);
std::string pointer_append(const std::string& pointer, size_t index);

}  // namespace gpb
