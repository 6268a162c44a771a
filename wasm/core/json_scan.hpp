// A strict JSON reader (RFC 8259) that hands each token and its byte range to a handler as it
// goes. The validator checks a body during this one pass, without building a tree; the tree in
// json_tree.hpp is built from the same events, so both read JSON exactly alike.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text.hpp"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>  // the compiler's own vector intrinsics (the site's build has SIMD128)
#endif

namespace gpb {

struct ParseLimits {
    size_t maxBytes = 8u * 1024u * 1024u;
    uint32_t maxDepth = 64;
};

struct JsonNumber {
    std::string_view literal;  // as written
    bool integer = false;      // written without fraction or exponent
    bool fits = false;         // ...and within int64, so value holds it
    int64_t value = 0;
};

struct ScanError {
    bool limit = false;  // a size, depth or number-range limit rather than a syntax error
    uint32_t begin = 0, end = 0;
    std::string message;
};

// The member names read so far in one open object (valid until it closes).
class ObjectKeys {
public:
    ObjectKeys(const std::string_view* names, size_t count, const std::unordered_set<std::string_view>* index)
        : names_(names), count_(count), index_(index) {}
    bool contains(std::string_view name) const;
    size_t size() const { return count_; }

private:
    const std::string_view* names_;
    size_t count_;
    const std::unordered_set<std::string_view>* index_;
};

namespace scan_detail {

// Bytes inside a string that need a closer look: the quote, the backslash, controls, non-ASCII.
constexpr std::array<uint8_t, 256> make_string_special_table() {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) ? 1 : 0;
    return table;
}
inline constexpr std::array<uint8_t, 256> kStringSpecial = make_string_special_table();
// Length of the valid UTF-8 sequence at p (Unicode table 3-7), or 0.
size_t utf8_sequence_length(const unsigned char* p, size_t available);
// Checks the escape at text[at] == '\\'; returns its length, or 0 with why.
size_t escape_length(std::string_view text, size_t at, const char*& why);
// Decodes a string body whose escapes were checked.
void decode_string(std::string_view raw, std::string& out);
// True when a number literal lies beyond the range of a double.
bool beyond_double_range(std::string_view literal, bool zeroIntegerPart, size_t integerDigits, int64_t exponent);

// Eight bytes at a time: the high bit of each byte that is a quote, a backslash, a control or
// non-ASCII (exact for the lowest flagged byte, as bytes_equal_mask is).
inline uint64_t special_bytes(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    constexpr uint64_t highs = 0x8080808080808080ull;
    return bytes_equal_mask(v, '"') | bytes_equal_mask(v, '\\') | bytes_below_mask(v, 0x20) | (v & highs);
}

#ifdef __wasm_simd128__
// The same for sixteen bytes, one bit each. As signed bytes, controls and every non-ASCII byte
// (0x80-0xFF) are below ' '.
inline uint32_t special_bytes16(v128_t v) {
    const v128_t special = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('"')), wasm_i8x16_eq(v, wasm_i8x16_splat('\\'))),
                                        wasm_i8x16_lt(v, wasm_i8x16_splat(' ')));
    return static_cast<uint32_t>(wasm_i8x16_bitmask(special));
}
#endif

// The first byte at or after j that a string's reader must look at (or n): sixteen bytes at a
// time with SIMD128, else eight, the word that holds one giving its place directly (bytes are read
// little-endian, as on x86 and wasm).
inline size_t skip_plain_string_bytes(const char* s, size_t j, size_t n) {
#ifdef __wasm_simd128__
    for (; j + 16 <= n; j += 16)
        if (uint32_t flagged = special_bytes16(wasm_v128_load(s + j))) return j + static_cast<size_t>(__builtin_ctz(flagged));
#endif
    for (; j + 8 <= n; j += 8)
        if (uint64_t flagged = special_bytes(s + j)) return j + static_cast<size_t>(__builtin_ctzll(flagged)) / 8;
    while (j < n && !kStringSpecial[static_cast<unsigned char>(s[j])]) ++j;
    return j;
}

// skip_plain_string_bytes that also copies the plain bytes to `to` (advanced past them), a whole
// block at a time: `to` must have room for a block more than the plain bytes.
inline size_t copy_plain_string_bytes(const char* s, size_t j, size_t n, char*& to) {
#ifdef __wasm_simd128__
    for (; j + 16 <= n; j += 16, to += 16) {
        const v128_t v = wasm_v128_load(s + j);
        wasm_v128_store(to, v);
        if (uint32_t flagged = special_bytes16(v)) {
            to += __builtin_ctz(flagged);
            return j + static_cast<size_t>(__builtin_ctz(flagged));
        }
    }
#endif
    for (; j + 8 <= n; j += 8, to += 8) {
        std::memcpy(to, s + j, 8);
        if (uint64_t flagged = special_bytes(s + j)) {
            to += __builtin_ctzll(flagged) / 8;
            return j + static_cast<size_t>(__builtin_ctzll(flagged)) / 8;
        }
    }
    for (; j < n && !kStringSpecial[static_cast<unsigned char>(s[j])]; ++j) *to++ = s[j];
    return j;
}

// At least the number of bytes in [0, n) a string's reader must look at (a word's count may take in
// a few plain bytes above the first flagged one): what sizes the room for writing a string.
inline size_t count_special_bytes(const char* s, size_t n) {
    size_t count = 0, j = 0;
#ifdef __wasm_simd128__
    for (; j + 16 <= n; j += 16) count += static_cast<size_t>(__builtin_popcount(special_bytes16(wasm_v128_load(s + j))));
#endif
    for (; j + 8 <= n; j += 8) count += count_flagged_bytes(special_bytes(s + j));
    for (; j < n; ++j) count += kStringSpecial[static_cast<unsigned char>(s[j])];
    return count;
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first byte at or after i that is not JSON whitespace (or n). With SIMD128, past the first
// two bytes (most tokens follow no whitespace, or one space after ':'), sixteen at a time, so a
// line break and its indentation are one step.
inline size_t skip_json_space(const char* s, size_t i, size_t n) {
#ifdef __wasm_simd128__
    if (i >= n || !is_json_space(s[i])) return i;
    if (++i >= n || !is_json_space(s[i])) return i;
    const v128_t space = wasm_i8x16_splat(' '), newline = wasm_i8x16_splat('\n'), ret = wasm_i8x16_splat('\r'),
                 tab = wasm_i8x16_splat('\t');
    for (; i + 16 <= n; i += 16) {
        const v128_t v = wasm_v128_load(s + i);
        const v128_t blank = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, space), wasm_i8x16_eq(v, newline)),
                                          wasm_v128_or(wasm_i8x16_eq(v, ret), wasm_i8x16_eq(v, tab)));
        if (uint32_t other = ~wasm_i8x16_bitmask(blank) & 0xFFFFu) return i + static_cast<size_t>(__builtin_ctz(other));
    }
#endif
    while (i < n && is_json_space(s[i])) ++i;
    return i;
}

// A number token read at `begin` of text: the reader's grammar for numbers, shared by JsonScanner
// and by a held body's re-check of one number (validator.cpp).
struct NumberRead {
    JsonNumber number;
    size_t end = 0;                 // where the token ends; on a problem, where reading stopped
    const char* problem = nullptr;  // why the text there is not a number the reader takes
    bool tooLarge = false;          // the problem is a limit: beyond the range of a 64-bit float
};

inline NumberRead read_number_at(std::string_view text, size_t begin) {
    const char* s = text.data();
    const size_t n = text.size();
    NumberRead read;
    size_t i = begin;
    auto stop = [&](const char* problem) {
        read.end = i;
        read.problem = problem;
        return read;
    };
    bool negative = false;
    if (i < n && s[i] == '-') {
        negative = true;
        ++i;
    }
    if (i >= n || !is_digit(s[i])) return stop("a number needs a digit after '-'");
    uint64_t magnitude = 0;
    bool overflow = false;
    size_t integerDigits = 0;
    const bool zeroIntegerPart = s[i] == '0';
    if (zeroIntegerPart) {
        ++i;
        if (i < n && is_digit(s[i])) return stop("a number cannot start with 0 followed by more digits");
    } else {
        while (i < n && is_digit(s[i])) {
            unsigned digit = static_cast<unsigned>(s[i] - '0');
            if (magnitude > (UINT64_MAX - digit) / 10) overflow = true;
            else magnitude = magnitude * 10 + digit;
            ++integerDigits;
            ++i;
        }
    }
    bool integer = true;
    if (i < n && s[i] == '.') {
        integer = false;
        ++i;
        if (i >= n || !is_digit(s[i])) return stop("a digit must follow the decimal point");
        while (i < n && is_digit(s[i])) ++i;
    }
    int64_t exponent = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        integer = false;
        ++i;
        bool negativeExponent = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) negativeExponent = s[i++] == '-';
        if (i >= n || !is_digit(s[i])) return stop("the exponent needs digits");
        while (i < n && is_digit(s[i])) {
            if (exponent < 1000000) exponent = exponent * 10 + (s[i] - '0');
            ++i;
        }
        if (negativeExponent) exponent = -exponent;
    }
    JsonNumber& number = read.number;
    number.literal = text.substr(begin, i - begin);
    number.integer = integer;
    constexpr uint64_t kMaxPositive = 9223372036854775807ull;
    number.fits = integer && !overflow && magnitude <= kMaxPositive + (negative ? 1 : 0);
    if (number.fits)
        number.value =
            negative ? (magnitude == kMaxPositive + 1 ? INT64_MIN : -static_cast<int64_t>(magnitude)) : static_cast<int64_t>(magnitude);
    if (!number.fits && beyond_double_range(number.literal, zeroIntegerPart, integerDigits, exponent)) {
        read.tooLarge = true;
        return stop("This number is too large to read (beyond the range of a 64-bit float).");
    }
    read.end = i;
    return read;
}

}  // namespace scan_detail

// The reader's working memory. A caller that reads many texts keeps one and passes it in, so a
// read allocates nothing once the buffers have grown to fit.
struct ScanBuffers {
    struct Container {
        uint32_t begin;
        bool object;
        uint32_t keysMark;   // first name of this object in names
        size_t decodedMark;  // first decoded name of this object in decodedNames
        uint64_t nameBits;   // one bit per name read, picked by name_bit: a name whose bit is clear is new
    };
    std::vector<Container> stack;
    std::vector<std::string_view> names;
    std::deque<std::string> decodedNames;
    std::vector<std::unordered_set<std::string_view>> keyIndexes;  // one per open object depth, filled past a few names
    std::string scratch;

    void reset();  // empties everything, and gives back memory a huge text left behind
};

// Handler: each call returns false to stop reading (no error is recorded then).
//   begin_object(at), end_object(begin, end, const ObjectKeys&), begin_array(at), end_array(begin, end),
//   key(name, begin, end), duplicate_key(name, begin, end), string_value(text, begin, end),
//   number_value(const JsonNumber&, begin, end), bool_value(value, begin, end), null_value(begin, end).
// Ranges are byte offsets, end exclusive; key and string ranges include the quotes; names and
// string texts arrive decoded, and a name stays valid until its object closes.
template <class Handler>
class JsonScanner {
public:
    JsonScanner(std::string_view text, const ParseLimits& limits, Handler& handler, bool findDuplicates = true,
                ScanBuffers* buffers = nullptr)
        : text_(text), limits_(limits), handler_(handler), findDuplicates_(findDuplicates),
          own_(buffers ? nullptr : std::make_unique<ScanBuffers>()), b_(buffers ? *buffers : *own_) {
        b_.reset();
    }

    // Reads the whole text as one value with nothing but whitespace after it.
    bool scan_document() {
        if (text_.size() > limits_.maxBytes)
            return fail_limit(0, 0,
                              "The body is " + std::to_string(text_.size()) + " bytes; this tool reads at most " +
                                  std::to_string(limits_.maxBytes) + " bytes.");
        size_t first = skip_whitespace(0);
        if (first >= text_.size())
            return fail(static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text_.size()),
                        text_.empty() ? "The body is empty; a JSON object is expected."
                                      : "The body holds only whitespace; a JSON object is expected.");
        size_t end = 0;
        if (!run(first, end)) return false;
        size_t rest = skip_whitespace(end);
        if (rest < text_.size())
            return fail(static_cast<uint32_t>(rest), static_cast<uint32_t>(rest + 1),
                        text_[rest] == '\0' ? "This is not valid JSON: a NUL byte follows the value."
                                            : "This is not valid JSON: more text follows the value.");
        return true;
    }

    // Reads one value that starts at `at` (after optional whitespace); what follows is not looked at.
    bool scan_value_at(size_t at) {
        size_t end = 0;
        return run(skip_whitespace(at), end);
    }

    bool stopped() const { return stopped_; }
    const ScanError& error() const { return error_; }

private:
    using Container = ScanBuffers::Container;

    enum class Next { Value, MemberName, AfterValue };

    bool run(size_t i, size_t& endOut) {
        const char* s = text_.data();
        const size_t n = text_.size();
        Next next = Next::Value;
        bool afterComma = false;
        for (;;) {
            switch (next) {
                case Next::Value: {
                    i = skip_whitespace(i);
                    if (i >= n)
                        return fail_at_end(afterComma ? "the text ends after ',' where a value is expected"
                                                      : "the text ends where a value is expected");
                    const uint32_t at = static_cast<uint32_t>(i);
                    char c = s[i];
                    if (c == '{' || c == '[') {
                        bool object = c == '{';
                        if (stack_.size() >= limits_.maxDepth)
                            return fail_limit(at, at + 1,
                                              "The body nests deeper than " + std::to_string(limits_.maxDepth) +
                                                  " levels; this tool stops reading there.");
                        stack_.push_back(Container{at, object, static_cast<uint32_t>(names_.size()), decodedNames_.size(), 0});
                        if (object && findDuplicates_)
                            while (keyIndexes_.size() < stack_.size()) keyIndexes_.emplace_back();
                        if (!(object ? handler_.begin_object(at) : handler_.begin_array(at))) return stop();
                        i = skip_whitespace(i + 1);
                        if (i < n && s[i] == (object ? '}' : ']')) {
                            if (!close(i)) return false;
                            ++i;
                            next = Next::AfterValue;
                        } else {
                            afterComma = false;
                            next = object ? Next::MemberName : Next::Value;
                        }
                        continue;
                    }
                    if (c == '"') {
                        std::string_view value;
                        size_t end;
                        if (!read_string(i, value, end)) return false;
                        if (!handler_.string_value(value, at, static_cast<uint32_t>(end))) return stop();
                        i = end;
                    } else if (c == '-' || scan_detail::is_digit(c)) {
                        if (!read_number(i)) return false;
                    } else if (c == 't' || c == 'f' || c == 'n') {
                        if (!read_literal(i)) return false;
                    } else {
                        return fail_token(i, c == '\0'   ? "a NUL byte cannot appear in JSON text"
                                             : c == '\'' ? "JSON strings use double quotes, not single quotes"
                                             : (c == '}' || c == ']') && afterComma
                                                 ? "a value is expected after ',' (JSON allows no trailing comma)"
                                                 : "a value is expected here (a string, number, object, array, true, false or null)");
                    }
                    next = Next::AfterValue;
                    continue;
                }
                case Next::MemberName: {
                    i = skip_whitespace(i);
                    if (i >= n) return fail_at_end("the text ends where a member name is expected");
                    if (s[i] != '"')
                        return fail_token(i, s[i] == '}' && afterComma
                                                 ? "a member name is expected after ',' (JSON allows no trailing comma)"
                                             : s[i] == '\'' ? "member names use double quotes, not single quotes"
                                                            : "a member name in double quotes is expected");
                    std::string_view name;
                    size_t end;
                    if (!read_string(i, name, end)) return false;
                    const uint32_t at = static_cast<uint32_t>(i);
                    if (findDuplicates_) {
                        name = remember_name(name);
                        if (is_duplicate(name) && !handler_.duplicate_key(name, at, static_cast<uint32_t>(end))) return stop();
                    }
                    if (!handler_.key(name, at, static_cast<uint32_t>(end))) return stop();
                    i = skip_whitespace(end);
                    if (i >= n) return fail_at_end("the text ends after a member name (':' and a value are missing)");
                    if (s[i] != ':')
                        return fail(static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1),
                                    "This is not valid JSON: ':' is expected after the member name.");
                    ++i;
                    afterComma = false;
                    next = Next::Value;
                    continue;
                }
                case Next::AfterValue: {
                    if (stack_.empty()) {
                        endOut = i;
                        return true;
                    }
                    i = skip_whitespace(i);
                    const bool object = stack_.back().object;
                    if (i >= n)
                        return fail_at_end(object ? "the text ends before the object is closed ('}' is missing)"
                                                  : "the text ends before the array is closed (']' is missing)");
                    char c = s[i];
                    if (c == ',') {
                        ++i;
                        afterComma = true;
                        next = object ? Next::MemberName : Next::Value;
                        continue;
                    }
                    if (c == (object ? '}' : ']')) {
                        if (!close(i)) return false;
                        ++i;
                        continue;
                    }
                    return fail_token(i, object ? "',' or '}' is expected after a member" : "',' or ']' is expected after an item");
                }
            }
        }
    }

    bool close(size_t at) {
        Container top = stack_.back();
        const uint32_t end = static_cast<uint32_t>(at + 1);
        bool go;
        if (top.object) {
            const std::unordered_set<std::string_view>* index = nullptr;
            if (findDuplicates_ && !keyIndexes_[stack_.size() - 1].empty()) index = &keyIndexes_[stack_.size() - 1];
            ObjectKeys keys(names_.data() + top.keysMark, names_.size() - top.keysMark, index);
            go = handler_.end_object(top.begin, end, keys);
            if (findDuplicates_) {
                keyIndexes_[stack_.size() - 1].clear();
                names_.resize(top.keysMark);
                // Names seldom hold escapes: a deque's resize costs more than the check.
                if (decodedNames_.size() > top.decodedMark) decodedNames_.resize(top.decodedMark);
            }
        } else {
            go = handler_.end_array(top.begin, end);
        }
        stack_.pop_back();
        return go ? true : stop();
    }

    // Keeps a decoded name alive until its object closes.
    std::string_view remember_name(std::string_view name) {
        if (name.data() == scratch_.data() && !scratch_.empty()) {
            decodedNames_.push_back(scratch_);
            name = decodedNames_.back();
        }
        return name;
    }

    // One of 64 bits for a name, from its length and its first and last bytes.
    static uint64_t name_bit(std::string_view name) {
        if (name.empty()) return 1;
        const unsigned mix = static_cast<unsigned>(name.size()) * 7u + static_cast<unsigned char>(name.front()) * 3u +
                             static_cast<unsigned char>(name.back());
        return 1ull << (mix & 63u);
    }

    // Small objects compare names one by one (only when the name's bit is already set: most names
    // are new); larger ones get a hash index.
    bool is_duplicate(std::string_view name) {
        constexpr size_t kLinearLimit = 16;
        Container& top = stack_.back();
        auto& index = keyIndexes_[stack_.size() - 1];
        size_t count = names_.size() - top.keysMark;
        bool duplicate = false;
        const uint64_t bit = name_bit(name);
        const bool maybeSeen = (top.nameBits & bit) != 0;
        top.nameBits |= bit;
        if (count < kLinearLimit && index.empty()) {
            if (!maybeSeen) {
                names_.push_back(name);
                return false;
            }
            for (size_t k = top.keysMark; k < names_.size(); ++k)
                if (same_text(names_[k], name)) {
                    duplicate = true;
                    break;
                }
        } else {
            if (index.empty())
                for (size_t k = top.keysMark; k < names_.size(); ++k) index.insert(names_[k]);
            duplicate = !index.insert(name).second;
        }
        names_.push_back(name);
        return duplicate;
    }

    bool read_string(size_t open, std::string_view& value, size_t& endOut) {
        const size_t j = scan_detail::skip_plain_string_bytes(text_.data(), open + 1, text_.size());
        // Most strings are plain ASCII: the first byte to look at is their closing quote.
        if (j < text_.size() && text_[j] == '"') {
            endOut = j + 1;
            value = text_.substr(open + 1, j - open - 1);
            return true;
        }
        return read_string_from(open, j, value, endOut);
    }

    // The rest of read_string from the first byte at j that is not plain: escapes, non-ASCII and
    // what is wrong. Kept out of line so the common case stays small.
    [[gnu::noinline]] bool read_string_from(size_t open, size_t j, std::string_view& value, size_t& endOut) {
        const char* s = text_.data();
        const size_t n = text_.size();
        bool escaped = false;
        for (;;) {
            j = scan_detail::skip_plain_string_bytes(s, j, n);
            if (j >= n) return fail_at_end("the text ends inside a string (the closing '\"' is missing)");
            unsigned char c = static_cast<unsigned char>(s[j]);
            if (c == '"') break;
            if (c == '\\') {
                const char* why = nullptr;
                size_t length = scan_detail::escape_length(text_, j, why);
                if (!length)
                    return fail(static_cast<uint32_t>(j), static_cast<uint32_t>(std::min(n, j + 2)),
                                std::string("This is not valid JSON: ") + why + ".");
                escaped = true;
                j += length;
            } else if (c < 0x20) {
                std::string code = "U+00";
                code.push_back(kHexUpper[c >> 4]);
                code.push_back(kHexUpper[c & 15]);
                if (c == '\n')
                    return fail(static_cast<uint32_t>(j), static_cast<uint32_t>(j + 1),
                                "This is not valid JSON: a string cannot hold a line break (write \\n), or its closing '\"' is missing.");
                return fail(static_cast<uint32_t>(j), static_cast<uint32_t>(j + 1),
                            "This is not valid JSON: a control character (" + code + ") must be written as an escape in a string.");
            } else {
                size_t length = scan_detail::utf8_sequence_length(reinterpret_cast<const unsigned char*>(s + j), n - j);
                if (!length) {
                    bool surrogate = c == 0xED && j + 1 < n && (static_cast<unsigned char>(s[j + 1]) & 0xE0) == 0xA0;
                    return fail(static_cast<uint32_t>(j), static_cast<uint32_t>(j + 1),
                                surrogate ? "This is not valid JSON: a lone UTF-16 surrogate (half of a pair) is not a character."
                                          : "This is not valid JSON: the text is not valid UTF-8 here.");
                }
                j += length;
            }
        }
        endOut = j + 1;
        std::string_view raw = text_.substr(open + 1, j - open - 1);
        if (!escaped) {
            value = raw;
        } else {
            scan_detail::decode_string(raw, scratch_);
            value = scratch_;
            if (scratch_.empty()) value = std::string_view();  // an empty decoded name needs no storage
        }
        return true;
    }

    bool read_number(size_t& i) {
        const size_t begin = i;
        const scan_detail::NumberRead read = scan_detail::read_number_at(text_, begin);
        i = read.end;
        if (read.problem)
            return read.tooLarge ? fail_limit(static_cast<uint32_t>(begin), static_cast<uint32_t>(read.end), read.problem)
                                 : fail_token(begin, read.problem);
        if (!handler_.number_value(read.number, static_cast<uint32_t>(begin), static_cast<uint32_t>(read.end))) return stop();
        return true;
    }

    bool read_literal(size_t& i) {
        const size_t n = text_.size();
        const uint32_t at = static_cast<uint32_t>(i);
        auto matches = [&](const char* word, size_t length) { return n - i >= length && std::memcmp(text_.data() + i, word, length) == 0; };
        bool go;
        if (matches("true", 4)) {
            i += 4;
            go = handler_.bool_value(true, at, at + 4);
        } else if (matches("false", 5)) {
            i += 5;
            go = handler_.bool_value(false, at, at + 5);
        } else if (matches("null", 4)) {
            i += 4;
            go = handler_.null_value(at, at + 4);
        } else {
            return fail_token(i, "a value is expected here (true, false and null are written in lower case)");
        }
        return go ? true : stop();
    }

    size_t skip_whitespace(size_t i) const { return scan_detail::skip_json_space(text_.data(), i, text_.size()); }

    // The token at i runs to the next delimiter (at most a line of it is marked).
    bool fail_token(size_t i, const char* what) {
        size_t end = i + 1;
        auto delimiter = [](char c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ':' || c == '{' || c == '}' || c == '[' ||
                   c == ']' || c == '"';
        };
        if (!delimiter(text_[i]))
            while (end < text_.size() && end - i < 80 && !delimiter(text_[end])) ++end;
        return fail(static_cast<uint32_t>(i), static_cast<uint32_t>(end), std::string("This is not valid JSON: ") + what + ".");
    }

    bool fail_at_end(const char* what) {
        uint32_t at = static_cast<uint32_t>(text_.size());
        return fail(at, at, std::string("This is not valid JSON: ") + what + ".");
    }

    bool fail(uint32_t begin, uint32_t end, std::string message) {
        error_.limit = false;
        error_.begin = begin;
        error_.end = end;
        error_.message = std::move(message);
        return false;
    }

    bool fail_limit(uint32_t begin, uint32_t end, std::string message) {
        fail(begin, end, std::move(message));
        error_.limit = true;
        return false;
    }

    bool stop() {
        stopped_ = true;
        return false;
    }

    std::string_view text_;
    const ParseLimits& limits_;
    Handler& handler_;
    bool findDuplicates_;
    bool stopped_ = false;
    ScanError error_;
    std::unique_ptr<ScanBuffers> own_;  // made only when the caller keeps no buffers (a deque allocates even empty)
    ScanBuffers& b_;
    std::vector<Container>& stack_ = b_.stack;
    std::vector<std::string_view>& names_ = b_.names;
    std::deque<std::string>& decodedNames_ = b_.decodedNames;
    std::vector<std::unordered_set<std::string_view>>& keyIndexes_ = b_.keyIndexes;
    std::string& scratch_ = b_.scratch;
};

}  // namespace gpb
