#include "source_locator.hpp"

#include <algorithm>
#include <cstring>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#include "text.hpp"

namespace gpb {

uint32_t utf16_length(std::string_view utf8) { return static_cast<uint32_t>(utf16_offset_of(utf8, utf8.size())); }

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

namespace {

// A line break ends at p: a '\n', or a '\r' that no '\n' follows (CRLF is one break, counted at its LF).
bool break_ends_at(std::string_view text, size_t p) {
    return text[p] == '\n' || (text[p] == '\r' && (p + 1 >= text.size() || text[p + 1] != '\n'));
}

// The line breaks that end in [from, to), eight bytes at a time: a word with no byte below 0x0E
// (most of them) holds none, and one without a '\r' needs only its '\n's counted. lineStart
// becomes the offset after the last of them (unchanged when there is none).
uint32_t count_line_breaks(std::string_view text, size_t from, size_t to, size_t& lineStart) {
    uint32_t breaks = 0;
    auto byte_at = [&](size_t p) {
        if (!break_ends_at(text, p)) return;
        ++breaks;
        lineStart = p + 1;
    };
#ifdef __wasm_simd128__
    // Sixteen bytes at a time in the site's build, where counting the flags is one instruction.
    const v128_t newline = wasm_i8x16_splat('\n'), ret = wasm_i8x16_splat('\r');
    for (; from + 16 <= to; from += 16) {
        const v128_t v = wasm_v128_load(text.data() + from);
        if (wasm_i8x16_bitmask(wasm_i8x16_eq(v, ret))) {
            for (size_t p = from; p < from + 16; ++p) byte_at(p);
        } else if (const uint32_t newlines = wasm_i8x16_bitmask(wasm_i8x16_eq(v, newline))) {
            breaks += static_cast<uint32_t>(__builtin_popcount(newlines));
            lineStart = from + static_cast<size_t>(31 - __builtin_clz(newlines)) + 1;
        }
    }
#endif
    for (; from + 8 <= to; from += 8) {
        uint64_t v;
        std::memcpy(&v, text.data() + from, 8);
        if (!bytes_below_mask(v, 0x0E)) continue;
        if (bytes_equal_exact_mask(v, '\r')) {
            for (size_t p = from; p < from + 8; ++p) byte_at(p);
        } else if (const uint64_t newlines = bytes_equal_exact_mask(v, '\n')) {
            breaks += count_flagged_bytes(newlines);
            lineStart = from + static_cast<size_t>(63 - __builtin_clzll(newlines)) / 8 + 1;
        }
    }
    for (; from < to; ++from) byte_at(from);
    return breaks;
}

// Counts lines and UTF-16 columns forward from the last position it was asked for.
class ForwardLocator {
public:
    explicit ForwardLocator(std::string_view text) : text_(text) {}

    SourcePosition at(uint32_t target) {
        target = std::min<uint32_t>(target, static_cast<uint32_t>(text_.size()));
        size_t lineStart = offset_;
        if (uint32_t breaks = count_line_breaks(text_, offset_, target, lineStart)) {
            position_.line += breaks;
            position_.column = 1;
        }
        position_.column += utf16_length(text_.substr(lineStart, target - lineStart));
        offset_ = target;
        return position_;
    }

private:
    std::string_view text_;
    size_t offset_ = 0;
    SourcePosition position_;
};

}  // namespace

// One forward walk over the text up to the last offset asked for: no line index of the whole text
// (a 2 MB body with a finding near its start counts only the lines before it).
void locate_diagnostics(std::string_view text, Diagnostics& diagnostics) {
    std::vector<std::pair<uint32_t, uint32_t>> offsets;  // (byte offset, diagnostic * 2 + is end)
    offsets.reserve(diagnostics.size() * 2);
    for (uint32_t i = 0; i < diagnostics.size(); ++i) {
        offsets.emplace_back(diagnostics[i].begin, i * 2);
        offsets.emplace_back(diagnostics[i].end, i * 2 + 1);
    }
    std::sort(offsets.begin(), offsets.end());
    ForwardLocator locator(text);
    for (const auto& [offset, slot] : offsets) {
        SourcePosition pos = locator.at(offset);
        Diagnostic& d = diagnostics[slot / 2];
        if (slot % 2) {
            d.endLine = pos.line;
            d.endColumn = pos.column;
        } else {
            d.line = pos.line;
            d.column = pos.column;
        }
    }
}

SourcePosition locate_offset(std::string_view text, uint32_t byteOffset) { return ForwardLocator(text).at(byteOffset); }

std::string_view SourceLocator::line_text(uint32_t line) const {
    if (line == 0 || line > lineStarts_.size()) return {};
    uint32_t start = lineStarts_[line - 1];
    uint32_t end = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
    std::string_view s = text_.substr(start, end - start);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace gpb
