#include "json_cursor.hpp"

#include <algorithm>
#include <cstring>

#include "json_scan.hpp"

namespace gpb {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_literal_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// A string token's text with the common escapes undone (member names rarely hold others).
std::string unescape(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && (raw[i + 1] == '"' || raw[i + 1] == '\\' || raw[i + 1] == '/')) ++i;
        out.push_back(raw[i]);
    }
    return out;
}

// Where a string token that opens at `start` ends (past its closing quote), or, unclosed, the line
// break or the end of the text that ends it; `closed` says which.
size_t string_token_end(std::string_view text, size_t start, bool& closed) {
    size_t j = start + 1;
    closed = false;
    while (j < text.size()) {
        j = scan_detail::skip_plain_string_bytes(text.data(), j, text.size());
        if (j >= text.size()) break;
        const char c = text[j];
        if (c == '\\') j += 2;
        else if (c == '"') {
            closed = true;
            return j + 1;
        } else if (c == '\n') return j;
        else ++j;
    }
    return std::min(j, text.size());
}

// The first quote or bracket at or after i (or n): sixteen bytes at a time with SIMD128, else
// eight. With 0x20 set, '[' reads as '{' and ']' as '}', and no other byte does.
size_t skip_to_quote_or_bracket(const char* s, size_t i, size_t n) {
#ifdef __wasm_simd128__
    const v128_t caseBit = wasm_i8x16_splat(0x20), quote = wasm_i8x16_splat('"'), open = wasm_i8x16_splat('{'),
                 close = wasm_i8x16_splat('}');
    for (; i + 16 <= n; i += 16) {
        const v128_t v = wasm_v128_load(s + i), folded = wasm_v128_or(v, caseBit);
        const v128_t hit = wasm_v128_or(wasm_i8x16_eq(v, quote), wasm_v128_or(wasm_i8x16_eq(folded, open), wasm_i8x16_eq(folded, close)));
        if (uint32_t found = static_cast<uint32_t>(wasm_i8x16_bitmask(hit))) return i + static_cast<size_t>(__builtin_ctz(found));
    }
#endif
    constexpr uint64_t caseBits = 0x2020202020202020ull;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        std::memcpy(&v, s + i, 8);
        if (uint64_t found = bytes_equal_mask(v, '"') | bytes_equal_mask(v | caseBits, '{') | bytes_equal_mask(v | caseBits, '}'))
            return i + static_cast<size_t>(__builtin_ctzll(found)) / 8;
    }
    while (i < n && s[i] != '"' && (s[i] | 0x20) != '{' && (s[i] | 0x20) != '}') ++i;
    return i;
}

// The closing bracket of the container that opens at `start`, read as the scanner reads nesting
// (any closing bracket closes the innermost container; strings as string_token_end reads them);
// npos when there is none before `limit`.
size_t container_end(std::string_view text, size_t start, size_t limit) {
    limit = std::min(limit, text.size());
    size_t depth = 0;
    for (size_t i = start; i < limit;) {
        i = skip_to_quote_or_bracket(text.data(), i, limit);
        if (i >= limit) break;
        const char c = text[i];
        if (c == '"') {
            bool closed;
            i = string_token_end(text, i, closed);
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        else if (--depth == 0) return i;
        ++i;
    }
    return std::string_view::npos;
}

class CursorScanner {
public:
    // skipUnread: a container whose contents cannot reach the answer (it closes before the cursor,
    // or it opens below the cursor's object after the cursor was found) is passed over whole.
    CursorScanner(std::string_view text, uint32_t offset, bool hover, bool skipUnread)
        : t_(text), offset_(offset), hover_(hover), skipUnread_(skipUnread) {}

    CursorContext run() {
        size_t i = 0;
        while (i < t_.size() && !done_) {
            char c = t_[i];
            if (is_space(c)) {
                ++i;
                continue;
            }
            // A token that starts past the offset cannot hold it: hover has its answer.
            if (hover_ && !captured_ && i > offset_ && skipUnread_) break;
            if (!captured_ && !hover_ && i >= offset_) capture_between();
            if (c == '"') i = string_token(i);
            else if ((c == '{' || c == '[') && skipUnread_ && skip_container(i)) continue;
            else if (c == '{' || c == '[') open(c == '{'), ++i;
            else if (c == '}' || c == ']') close(), ++i;
            else if (c == ':') expect_ = expect_ == Expect::Colon ? Expect::Value : expect_, ++i;
            else if (c == ',') comma(), ++i;
            else if (is_literal_char(c)) i = literal_token(i);
            else ++i;  // a stray character: read past it
        }
        if (!captured_ && !hover_) capture_between();
        if (captured_ && !done_) merge_later_facts();
        return std::move(ctx_);
    }

private:
    enum class Expect { Value, Key, Colon, CommaOrEnd, Nothing };

    // ---- tokens --------------------------------------------------------------------------------

    // A string ends at its closing quote, or (unclosed, being typed) at the end of its line.
    size_t string_token(size_t start) {
        bool closed;
        const size_t j = string_token_end(t_, start, closed);
        const size_t contentEnd = closed ? j - 1 : j;
        // A string where a colon is expected starts the next member: a name being typed above others has none yet.
        const bool isKey = !stack_.empty() && stack_.back().object &&
                           (expect_ == Expect::Key || expect_ == Expect::CommaOrEnd || expect_ == Expect::Colon);
        const bool inside = hover_ ? start <= offset_ && offset_ < j : start < offset_ && (offset_ < j || (!closed && offset_ <= j));
        // A value's text is kept only as an object's "@odata.type" (or as the token at the cursor).
        const bool odataTypeValue = !isKey && !stack_.empty() && stack_.back().object && stack_.back().key == "@odata.type";
        std::string text =
            isKey || odataTypeValue || (!captured_ && inside) ? unescape(t_.substr(start + 1, contentEnd - start - 1)) : std::string();
        if (!captured_ && inside) {
            size_t typedEnd = std::min<size_t>(offset_, contentEnd);
            capture_token(start, j, isKey ? CursorPlace::Key : CursorPlace::Value, true, closed,
                          typedEnd > start ? unescape(t_.substr(start + 1, typedEnd - start - 1)) : std::string(), text);
        }
        if (isKey) {
            CursorFrame& f = stack_.back();
            f.key = text;
            f.keys.push_back(std::move(text));
            f.keyEnd = static_cast<uint32_t>(j);
            expect_ = Expect::Colon;
        } else {
            if (odataTypeValue) stack_.back().odataType = std::move(text);
            value_done();
        }
        return j;
    }

    // Passes over the container opening at i when nothing in it can reach the answer: it closes
    // before the cursor (before it is found), or it lies below the cursor's object (after).
    bool skip_container(size_t& i) {
        const size_t end = container_end(t_, i, captured_ ? t_.size() : offset_);
        if (end == std::string_view::npos) return false;
        i = end + 1;
        value_done();
        return true;
    }

    size_t literal_token(size_t start) {
        size_t j = start;
        while (j < t_.size() && is_literal_char(t_[j])) ++j;
        const bool inside = hover_ ? start <= offset_ && offset_ < j : start < offset_ && offset_ <= j;
        if (!captured_ && inside) {
            std::string text(t_.substr(start, j - start));
            capture_token(start, j, CursorPlace::Value, false, false, std::string(t_.substr(start, offset_ - start)), text);
        }
        value_done();
        return j;
    }

    void open(bool object) {
        stack_.push_back(CursorFrame{});
        stack_.back().object = object;
        expect_ = object ? Expect::Key : Expect::Value;
    }

    void close() {
        if (stack_.empty()) return;
        if (captured_ && stack_.size() == capturedDepth_) {
            merge_later_facts();
            done_ = true;
            return;
        }
        stack_.pop_back();
        value_done();
    }

    void comma() {
        if (stack_.empty()) return;
        if (stack_.back().object) {
            expect_ = Expect::Key;
        } else {
            ++stack_.back().index;
            expect_ = Expect::Value;
        }
    }

    void value_done() { expect_ = stack_.empty() ? Expect::Nothing : Expect::CommaOrEnd; }

    // ---- capture -------------------------------------------------------------------------------

    // The cursor between tokens: what would be written here.
    void capture_between() {
        ctx_.from = ctx_.to = offset_;
        if (stack_.empty()) {
            // Only an empty body takes a root value here; before one that is there, nothing.
            ctx_.place = expect_ == Expect::Value && next_significant(offset_) == '\0' ? CursorPlace::Root : CursorPlace::None;
        } else if (expect_ == Expect::Key || expect_ == Expect::Value) {
            ctx_.place = expect_ == Expect::Key ? CursorPlace::Key : CursorPlace::Value;
        } else if (expect_ == Expect::CommaOrEnd) {
            ctx_.place = stack_.back().object ? CursorPlace::Key : CursorPlace::Value;
            ctx_.needsCommaBefore = true;
        } else {
            ctx_.place = CursorPlace::None;
        }
        ctx_.needsCommaAfter = member_follows(offset_);
        mark_captured();
    }

    void capture_token(size_t start, size_t end, CursorPlace place, bool inString, bool closed, std::string typed,
                       const std::string& text) {
        ctx_.place = place;
        ctx_.from = static_cast<uint32_t>(start);
        ctx_.to = static_cast<uint32_t>(end);
        ctx_.inString = inString;
        ctx_.stringClosed = closed;
        ctx_.typed = std::move(typed);
        ctx_.needsCommaBefore = place == CursorPlace::Key && expect_ == Expect::CommaOrEnd;
        if (place == CursorPlace::Key) ctx_.followedByColon = next_significant(end) == ':';
        ctx_.needsCommaAfter = member_follows(end);
        mark_captured();
        if (place == CursorPlace::Key) ctx_.frames.back().key = text;
    }

    void mark_captured() {
        captured_ = true;
        capturedDepth_ = stack_.size();
        ctx_.frames = stack_;
    }

    // Keys and @odata.type read after the cursor belong to the cursor's objects too.
    void merge_later_facts() {
        for (size_t k = 0; k < ctx_.frames.size() && k < stack_.size(); ++k) {
            ctx_.frames[k].keys = stack_[k].keys;
            if (ctx_.frames[k].odataType.empty()) ctx_.frames[k].odataType = stack_[k].odataType;
        }
    }

    char next_significant(size_t from) const {
        while (from < t_.size() && is_space(t_[from])) ++from;
        return from < t_.size() ? t_[from] : '\0';
    }

    // Whether another member (or item) starts after `at` with no comma between.
    bool member_follows(size_t at) const {
        if (stack_.empty()) return false;
        char next = next_significant(at);
        if (stack_.back().object) return next == '"';
        return next != '\0' && next != ']' && next != ',' && next != '}';
    }

    std::string_view t_;
    uint32_t offset_;
    bool hover_;
    bool skipUnread_;
    std::vector<CursorFrame> stack_;
    Expect expect_ = Expect::Value;
    CursorContext ctx_;
    bool captured_ = false;
    bool done_ = false;
    size_t capturedDepth_ = 0;
};

}  // namespace

CursorContext locate_cursor(std::string_view text, uint32_t offset, bool skipUnread) {
    return CursorScanner(text, offset, false, skipUnread).run();
}

CursorContext token_at(std::string_view text, uint32_t offset, bool skipUnread) {
    return CursorScanner(text, offset, true, skipUnread).run();
}

}  // namespace gpb
