// Small text helpers shared by the core.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

// Scratch kept from one call to the next, one per thread. Wasm without atomics has one thread, so
// there it is plain static storage: with bulk memory on (CMakeLists.txt), the linker takes
// thread_local for shared-memory threads and refuses it without atomics.
#if defined(__wasm__) && !defined(__wasm_atomics__)
#define GPB_THREAD_LOCAL static
#else
#define GPB_THREAD_LOCAL thread_local
#endif

namespace gpb {

// The methods Graph's operations use.
constexpr const char* kHttpMethods[] = {"GET", "POST", "PATCH", "PUT", "DELETE"};

inline bool is_http_method(std::string_view word) {
    return std::find(std::begin(kHttpMethods), std::end(kHttpMethods), word) != std::end(kHttpMethods);
}

// Hex digits: lower case for JSON's \u escapes and GUIDs, upper case for URLs' %XX.
constexpr char kHexLower[] = "0123456789abcdef";
constexpr char kHexUpper[] = "0123456789ABCDEF";

// Eight bytes read as one little-endian word (x86, wasm): the high bit of each byte equal to c.
// The lowest flagged byte is always a true one (a borrow can flag a byte only above a true one),
// which is all a scan for the first needs.
inline uint64_t bytes_equal_mask(uint64_t word, char c) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t x = word ^ (ones * static_cast<unsigned char>(c));
    return (x - ones) & ~x & highs;
}

// Exact in every byte (no borrow crosses bytes): the high bit of each byte equal to c, for counting.
inline uint64_t bytes_equal_exact_mask(uint64_t word, char c) {
    constexpr uint64_t ones = 0x0101010101010101ull, lows = 0x7F7F7F7F7F7F7F7Full;
    const uint64_t x = word ^ (ones * static_cast<unsigned char>(c));
    return ~(((x & lows) + lows) | x | lows);
}

// How many bytes a mask of whole-byte flags (0x80 or 0 in each byte) flags.
inline uint32_t count_flagged_bytes(uint64_t mask) { return static_cast<uint32_t>(((mask >> 7) * 0x0101010101010101ull) >> 56); }

// The same for each byte below limit (at most 0x80), with the same exactness for the lowest.
inline uint64_t bytes_below_mask(uint64_t word, unsigned char limit) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    return (word - ones * limit) & ~word & highs;
}

// Two texts of one length n, between one and two words long, compared a word from each end.
template <class Word>
inline bool same_by_ends(const char* p, const char* q, size_t n) {
    Word p0, p1, q0, q1;
    std::memcpy(&p0, p, sizeof(Word));
    std::memcpy(&q0, q, sizeof(Word));
    std::memcpy(&p1, p + n - sizeof(Word), sizeof(Word));
    std::memcpy(&q1, q + n - sizeof(Word), sizeof(Word));
    return ((p0 ^ q0) | (p1 ^ q1)) == 0;
}

// Two texts of one length n > 8 compared a word at a time, the last word overlapping: the site's
// memcmp goes a byte at a time. Out of line, so that same_text stays small enough to inline.
[[gnu::noinline]] inline bool same_long_text(const char* p, const char* q, size_t n) {
    for (size_t i = 0; i + 8 < n; i += 8)
        if (!same_by_ends<uint64_t>(p + i, q + i, 8)) return false;
    return same_by_ends<uint64_t>(p + n - 8, q + n - 8, 8);
}

// a == b without a call to memcmp (member, property and type names): up to 16 bytes, two
// overlapping loads from each end.
[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    if (n >= 8 && n <= 16) return same_by_ends<uint64_t>(p, q, n);
    if (n >= 4 && n < 8) return same_by_ends<uint32_t>(p, q, n);
    if (n > 16) return same_long_text(p, q, n);
    for (size_t i = 0; i < n; ++i)
        if (p[i] != q[i]) return false;
    return true;
}

// Whether text holds c, a word at a time without a call (names are short; the site's memchr is a call).
inline bool has_byte(std::string_view text, char c) {
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t v;
        std::memcpy(&v, text.data() + i, 8);
        if (bytes_equal_mask(v, c)) return true;
    }
    for (; i < text.size(); ++i)
        if (text[i] == c) return true;
    return false;
}

// The value of one hex digit (either case), or -1.
inline int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

inline std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

inline std::string to_upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

inline bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// "Name: value" with a token for a name (an HTTP header line, not a JSON member).
inline bool looks_like_header(std::string_view line) {
    size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return false;
    for (size_t i = 0; i < colon; ++i) {
        char c = line[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    }
    return true;
}

// Lines without their breaks (LF or CRLF); each view points into text.
inline std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t at = 0;
    while (at <= text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == text.size()) break;
        at = end + 1;
    }
    return lines;
}

// The path of a URL, or of a path without scheme and host: what follows "scheme://host" (from its
// '/'; empty when there is none), without the query or the fragment.
inline std::string_view url_path(std::string_view url) {
    size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) {
        size_t slash = url.find('/', scheme + 3);
        url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    }
    size_t query = url.find_first_of("?#");
    if (query != std::string_view::npos) url = url.substr(0, query);
    return url;
}

// The non-empty segments of a URL path: "/a//b/" -> {"a", "b"}.
inline std::vector<std::string_view> path_segments(std::string_view path) {
    std::vector<std::string_view> segments;
    size_t at = 0;
    while (at < path.size()) {
        size_t slash = path.find('/', at);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash > at) segments.push_back(path.substr(at, slash - at));
        at = slash + 1;
    }
    return segments;
}

// True when the eight bytes at p are all ASCII (one UTF-16 unit each).
inline bool ascii_word(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return (v & 0x8080808080808080ull) == 0;
}

// Editors count positions in UTF-16 code units, the core in UTF-8 bytes. Both clamp to the text,
// and both pass over ASCII eight bytes at a time (a cursor at the end of a 2 MB body is asked for
// on every keystroke).
inline size_t byte_offset_of(std::string_view text, size_t utf16Units) {
    size_t i = 0, units = 0;
    while (i < text.size() && units < utf16Units) {
        if (i + 8 <= text.size() && units + 8 <= utf16Units && ascii_word(text.data() + i)) {
            i += 8;
            units += 8;
            continue;
        }
        unsigned char b = static_cast<unsigned char>(text[i]);
        size_t length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        units += length == 4 ? 2 : 1;
        i += length;
    }
    return i < text.size() ? i : text.size();
}

// Each byte that starts a character is a unit, one that starts a four-byte sequence two (a
// surrogate pair); continuation bytes are none.
inline size_t utf16_offset_of(std::string_view text, size_t bytes) {
    const size_t n = std::min(bytes, text.size());
    size_t units = 0, i = 0;
    while (i < n) {
        if (i + 8 <= n && ascii_word(text.data() + i)) {
            units += 8;
            i += 8;
            continue;
        }
        const unsigned char b = static_cast<unsigned char>(text[i++]);
        if ((b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;
    }
    return units;
}

}  // namespace gpb
