#include "source_locator.hpp"

#include <algorithm>

namespace gpb {

uint32_t utf16_length(std::string_view utf8) {
    uint32_t units = 0;
    for (unsigned char byte : utf8) {
        if ((byte & 0xC0) == 0x80) continue;  // continuation byte
        units += byte >= 0xF0 ? 2 : 1;        // 4-byte sequences become surrogate pairs
    }
    return units;
}

SourceLocator::SourceLocator(std::string_view text) : text_(text) {
    lineStarts_.push_back(0);
    for (uint32_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            lineStarts_.push_back(i + 1);
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            lineStarts_.push_back(i + 1);
        }
    }
}

SourcePosition SourceLocator::position(uint32_t byteOffset) const {
    byteOffset = std::min<uint32_t>(byteOffset, static_cast<uint32_t>(text_.size()));
    auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), byteOffset);
    size_t lineIndex = static_cast<size_t>(it - lineStarts_.begin()) - 1;
    uint32_t start = lineStarts_[lineIndex];
    SourcePosition pos;
    pos.line = static_cast<uint32_t>(lineIndex + 1);
    pos.column = 1 + utf16_length(text_.substr(start, byteOffset - start));
    return pos;
}

void SourceLocator::locate(Diagnostics& diagnostics) const {
    // Diagnostics arrive sorted by start, so one forward walk serves them all: each position is
    // counted on from the previous one when it lies later on the same line.
    uint32_t lastOffset = 0;
    SourcePosition last;
    auto next = [&](uint32_t offset) {
        offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
        SourcePosition pos;
        auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
        pos.line = static_cast<uint32_t>(it - lineStarts_.begin());
        if (pos.line == last.line && offset >= lastOffset)
            pos.column = last.column + utf16_length(text_.substr(lastOffset, offset - lastOffset));
        else pos.column = 1 + utf16_length(text_.substr(lineStarts_[pos.line - 1], offset - lineStarts_[pos.line - 1]));
        return pos;
    };
    for (auto& d : diagnostics) {
        SourcePosition from = next(d.begin);
        lastOffset = std::min<uint32_t>(d.begin, static_cast<uint32_t>(text_.size()));
        last = from;
        SourcePosition to = next(d.end);
        d.line = from.line;
        d.column = from.column;
        d.endLine = to.line;
        d.endColumn = to.column;
    }
}

std::string_view SourceLocator::line_text(uint32_t line) const {
    if (line == 0 || line > lineStarts_.size()) return {};
    uint32_t start = lineStarts_[line - 1];
    uint32_t end = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
    std::string_view s = text_.substr(start, end - start);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace gpb
