#include "held_body.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "text.hpp"

namespace gpb {

namespace {

// Replaces [begin, end) of text with insert, which does not overlap it. The tail moves with one
// memmove, which the site compiles to wasm's memory.copy (CMakeLists.txt): std::string::replace,
// compiled into the C++ library without it, took 1.6 ms a keystroke on a 2.3 MB body.
void splice(std::string& text, size_t begin, size_t end, std::string_view insert) {
    const size_t removed = end - begin, size = text.size();
    if (insert.size() > removed) text.resize(size + (insert.size() - removed));
    std::memmove(text.data() + begin + insert.size(), text.data() + end, size - end);
    if (!insert.empty()) std::memcpy(text.data() + begin, insert.data(), insert.size());
    if (insert.size() < removed) text.resize(size - (removed - insert.size()));
}

size_t count_high_bytes(std::string_view text) {
    constexpr uint64_t highs = 0x8080808080808080ull;
    size_t count = 0, i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        count += count_flagged_bytes(word & highs);
    }
    for (; i < text.size(); ++i) count += static_cast<unsigned char>(text[i]) >= 0x80;
    return count;
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// A lone surrogate's three-byte form: ED A0..AF xx for a high one, ED B0..BF xx for a low one.
bool surrogate_form_at(std::string_view text, size_t at, unsigned char secondHighNibble) {
    return at + 3 <= text.size() && static_cast<unsigned char>(text[at]) == 0xED &&
           (static_cast<unsigned char>(text[at + 1]) & 0xF0) == secondHighNibble;
}

// The last three bytes of a followed by b, and the first three of a followed by b: as much of
// each side of a seam as a lone surrogate's form takes.
std::string last_three(std::string_view a, std::string_view b) {
    const size_t fromB = std::min<size_t>(b.size(), 3);
    std::string tail(a.substr(a.size() - std::min(a.size(), 3 - fromB)));
    tail.append(b.substr(b.size() - fromB));
    return tail;
}

std::string first_three(std::string_view a, std::string_view b) {
    std::string head(a.substr(0, 3));
    head.append(b.substr(0, 3 - head.size()));
    return head;
}

// Whether a lone high surrogate's form ends a seam that a lone low one's begins.
bool joins_surrogates(const std::string& left, const std::string& right) {
    return left.size() == 3 && surrogate_form_at(left, 0, 0xA0) && surrogate_form_at(right, 0, 0xB0);
}

}  // namespace

void HeldBody::assign(std::string_view text) {
    text_.assign(text);
    highBytes_ = count_high_bytes(text_);
    changes_.whole = true;
    lastEditAt_ = std::string::npos;
}

void HeldBody::mark_checked() {
    changes_.whole = false;
    changes_.prefix = changes_.suffix = changes_.markedSize = text_.size();
}

size_t HeldBody::byte_offset(size_t units) const {
    if (highBytes_ == 0) return units <= text_.size() ? units : std::string::npos;
    // The same count as utf16_offset_of: one unit per byte that starts a character, two for a
    // four-byte one (a surrogate pair in UTF-16). Eight bytes at a time while a word cannot pass
    // the position (eight bytes count at most sixteen units).
    constexpr uint64_t highs = 0x8080808080808080ull;
    size_t counted = 0, at = 0;
    for (uint64_t w; at + 8 <= text_.size() && counted + 16 <= units; at += 8) {
        std::memcpy(&w, text_.data() + at, 8);
        const uint64_t continuations = w & ~(w << 1) & highs, fourByteLeads = w & (w << 1) & (w << 2) & (w << 3) & highs;
        counted += 8 - count_flagged_bytes(continuations) + count_flagged_bytes(fourByteLeads);
    }
    for (; at < text_.size(); ++at) {
        const auto byte = static_cast<unsigned char>(text_[at]);
        if (is_continuation(byte)) continue;
        if (counted == units) return at;
        counted += byte >= 0xF0 ? 2 : 1;
        if (counted > units) return std::string::npos;
    }
    return counted == units ? text_.size() : std::string::npos;
}

bool HeldBody::replace(size_t from, size_t to, std::string_view insert) {
    if (from > to) return false;
    const size_t begin = byte_offset(from);
    const size_t end = begin == std::string::npos ? begin : to == from ? begin : byte_offset(to);
    if (begin == std::string::npos || end == std::string::npos || end < begin) return false;
    // The editor's text holds a surrogate pair where a lone high half now meets a lone low one.
    const std::string_view before = std::string_view(text_).substr(0, begin), after = std::string_view(text_).substr(end);
    if (joins_surrogates(last_three(before, {}), first_three(insert, after)) ||
        joins_surrogates(last_three(before, insert), first_three(after, {})))
        return false;
    highBytes_ = highBytes_ - count_high_bytes(std::string_view(text_).substr(begin, end - begin)) + count_high_bytes(insert);
    changes_.prefix = std::min(changes_.prefix, begin);
    changes_.suffix = std::min(changes_.suffix, text_.size() - end);
    lastEditAt_ = begin;
    splice(text_, begin, end, insert);
    return true;
}

}  // namespace gpb
