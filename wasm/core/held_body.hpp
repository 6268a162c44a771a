// A body kept between calls and changed in place by an editor's edits, so that a check on every
// keystroke reads the text already in memory instead of receiving all of it again (README, "A held
// body"). Positions count UTF-16 units, as editors do; the text is UTF-8, with each lone surrogate
// in its three-byte form (as the page writes it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gpb {

class HeldBody {
public:
    void assign(std::string_view text);
    // Replaces [from, to) with insert. False, with the text unchanged, when that cannot be done
    // byte for byte: a position past the end or between the halves of a surrogate pair, or an edit
    // that would put a lone high surrogate right before a lone low one (the editor's text then
    // holds a pair, which has another UTF-8 form). The caller then assigns the whole text.
    bool replace(size_t from, size_t to, std::string_view insert);
    std::string_view text() const { return text_; }

    // What the edits since the last mark_checked() left alone: the text's first `prefix` bytes and
    // its last `suffix` bytes are as they were then, when it was `markedSize` bytes long. A check
    // that knows what it found then re-reads only what lies between (validator.hpp, validate_held).
    struct Changes {
        bool whole = true;  // set whole since the mark, or never marked: nothing is known to be kept
        size_t prefix = 0, suffix = 0, markedSize = 0;
        bool none(size_t size) const { return !whole && prefix == markedSize && suffix == markedSize && size == markedSize; }
    };
    const Changes& changes() const { return changes_; }
    void mark_checked();
    // The byte where the last edit began (npos before the first): where the next edit is likely.
    size_t last_edit_at() const { return lastEditAt_; }

private:
    // The byte where `units` UTF-16 units end, or npos when no byte does.
    size_t byte_offset(size_t units) const;

    std::string text_;
    size_t highBytes_ = 0;  // bytes of 0x80 and up: while there are none, units are bytes
    Changes changes_;
    size_t lastEditAt_ = std::string::npos;
};

}  // namespace gpb
