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

private:
    // The byte where `units` UTF-16 units end, or npos when no byte does.
    size_t byte_offset(size_t units) const;

    std::string text_;
    size_t highBytes_ = 0;  // bytes of 0x80 and up: while there are none, units are bytes
};

}  // namespace gpb
