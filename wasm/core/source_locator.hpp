// Turns byte offsets into 1-based lines and UTF-16 columns (the units of LSP and JS strings).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace gpb {

struct SourcePosition {
    uint32_t line = 1;
    uint32_t column = 1;
};

class SourceLocator {
public:
    explicit SourceLocator(std::string_view text);
    SourcePosition position(uint32_t byteOffset) const;
    // The text of one 1-based line, without its line break.
    std::string_view line_text(uint32_t line) const;

private:
    std::string_view text_;
    std::vector<uint32_t> lineStarts_;
};

// Fills the line and column fields of each diagnostic from its byte range.
void locate_diagnostics(std::string_view text, Diagnostics& diagnostics);

// The line and column of one byte offset, counted from the start of the text.
SourcePosition locate_offset(std::string_view text, uint32_t byteOffset);

// UTF-16 code units in a UTF-8 byte range (invalid bytes count one unit each).
uint32_t utf16_length(std::string_view utf8);

}  // namespace gpb
