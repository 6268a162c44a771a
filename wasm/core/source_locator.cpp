#include "source_locator.hpp"

#include <algorithm>
#include <cstring>

#include "text.hpp"

namespace gpb {

uint32_t utf16_length(std::string_view utf8) {
    uint32_t units = 0;
    size_t i = 0;
    // ASCII eight bytes at a time: one unit each.
    constexpr uint64_t highs = 0x8080808080808080ull;
    for (uint64_t v; i + 8 <= utf8.size(); i += 8) {
        std::memcpy(&v, utf8.data() + i, 8);
        if (v & highs) break;
        units += 8;
    }
    for (unsigned char byte : utf8.substr(i)) {
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

namespace {

// Eight bytes at a time: the index of the first '\n' or '\r' in [from, to), or to. One mask flags
// the bytes below 0x0E, both breaks among them; the lowest flagged byte is exact, and when it is
// another control (a tab) the search goes on after it.
size_t find_line_break(std::string_view text, size_t from, size_t to) {
    while (from + 8 <= to) {
        uint64_t v;
        std::memcpy(&v, text.data() + from, 8);
        const uint64_t low = bytes_below_mask(v, 0x0E);
        if (!low) {
            from += 8;
            continue;
        }
        const size_t at = from + static_cast<size_t>(__builtin_ctzll(low)) / 8;
        if (text[at] == '\n' || text[at] == '\r') return at;
        from = at + 1;
    }
    while (from < to && text[from] != '\n' && text[from] != '\r') ++from;
    return from;
}

// Counts lines and UTF-16 columns forward from the last position it was asked for.
class ForwardLocator {
public:
    explicit ForwardLocator(std::string_view text) : text_(text) {}

    SourcePosition at(uint32_t target) {
        target = std::min<uint32_t>(target, static_cast<uint32_t>(text_.size()));
        size_t from = offset_;
        uint32_t column = position_.column;
        for (;;) {
            size_t lineBreak = find_line_break(text_, from, target);
            if (lineBreak >= target) break;
            size_t next = lineBreak + 1;
            if (text_[lineBreak] == '\r' && next < text_.size() && text_[next] == '\n') ++next;
            if (next > target) break;  // the target is the '\n' of a CRLF: the '\r' is on its line
            ++position_.line;
            column = 1;
            from = next;
        }
        position_.column = column + utf16_length(text_.substr(from, target - from));
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

std::string_view SourceLocator::line_text(uint32_t line) const {
    if (line == 0 || line > lineStarts_.size()) return {};
    uint32_t start = lineStarts_[line - 1];
    uint32_t end = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
    std::string_view s = text_.substr(start, end - start);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace gpb
