#include "json_scan.hpp"

#include "text.hpp"

#include <cmath>
#include <cstdlib>

namespace gpb {

bool ObjectKeys::contains(std::string_view name) const {
    if (index_) return index_->count(name) != 0;
    for (size_t i = 0; i < count_; ++i)
        if (same_text(names_[i], name)) return true;
    return false;
}

void ScanBuffers::reset() {
    constexpr size_t kKeep = 1u << 16;  // entries worth keeping between reads
    stack.clear();
    if (names.capacity() > kKeep) std::vector<std::string_view>().swap(names);
    names.clear();
    decodedNames.clear();
    for (auto& index : keyIndexes)
        if (index.bucket_count() > kKeep) index = std::unordered_set<std::string_view>();
        else index.clear();
    if (scratch.capacity() > kKeep) std::string().swap(scratch);
}

namespace scan_detail {

namespace {

// The code unit of "\uXXXX" at text[at], or -1.
long unicode_escape(std::string_view text, size_t at) {
    if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
    long unit = 0;
    for (size_t k = at + 2; k < at + 6; ++k) {
        int digit = hex_digit_value(text[k]);
        if (digit < 0) return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

size_t utf8_sequence_length(const unsigned char* p, size_t available) {
    unsigned char b0 = p[0];
    auto continuation = [&](size_t k, unsigned char low = 0x80, unsigned char high = 0xBF) {
        return k < available && p[k] >= low && p[k] <= high;
    };
    if (b0 < 0x80) return 1;
    if (b0 >= 0xC2 && b0 <= 0xDF) return continuation(1) ? 2 : 0;
    if (b0 == 0xE0) return continuation(1, 0xA0) && continuation(2) ? 3 : 0;
    if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return continuation(1) && continuation(2) ? 3 : 0;
    if (b0 == 0xED) return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0;  // no encoded surrogates
    if (b0 == 0xF0) return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0;
    if (b0 >= 0xF1 && b0 <= 0xF3) return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
    if (b0 == 0xF4) return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0;
    return 0;
}

size_t escape_length(std::string_view text, size_t at, const char*& why) {
    if (at + 1 >= text.size()) {
        why = "the text ends inside an escape sequence";
        return 0;
    }
    switch (text[at + 1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't': return 2;
        case 'u': break;
        default: why = "this is not an escape sequence (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"; return 0;
    }
    long unit = unicode_escape(text, at);
    if (unit < 0) {
        why = "\\u must be followed by four hexadecimal digits";
        return 0;
    }
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
        why = "this \\u escape is the second half of a surrogate pair without the first";
        return 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        long low = unicode_escape(text, at + 6);
        if (low < 0xDC00 || low > 0xDFFF) {
            why = "this \\u escape is the first half of a surrogate pair without the second";
            return 0;
        }
        return 12;
    }
    return 6;
}

// The character a one-letter escape stands for: \b \f \n \r \t, or the letter itself (\" \\ \/).
char simple_escape(char c) {
    switch (c) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        default: return c;
    }
}

void decode_string(std::string_view raw, std::string& out) {
    out.clear();
    for (size_t i = 0; i < raw.size();) {
        size_t next = raw.find('\\', i);
        if (next == std::string_view::npos) next = raw.size();
        out.append(raw.data() + i, next - i);
        i = next;
        if (i >= raw.size()) break;
        char c = raw[i + 1];
        if (c != 'u') {
            out.push_back(simple_escape(c));
            i += 2;
            continue;
        }
        unsigned long cp = static_cast<unsigned long>(unicode_escape(raw, i));
        i += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned long low = static_cast<unsigned long>(unicode_escape(raw, i));
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
        }
        append_utf8(out, cp);
    }
}

bool beyond_double_range(std::string_view literal, bool zeroIntegerPart, size_t integerDigits, int64_t exponent) {
    // Below 10^300 a double holds it; only near the edge is the exact conversion needed.
    int64_t magnitude = (zeroIntegerPart ? 0 : static_cast<int64_t>(integerDigits)) + exponent;
    if (magnitude <= 300) return false;
    std::string copy(literal);
    return std::isinf(std::strtod(copy.c_str(), nullptr));
}

}  // namespace scan_detail

}  // namespace gpb
