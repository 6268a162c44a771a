// Where a cursor stands in JSON text that may not parse (the user is typing): inside which objects
// and arrays, at a key or a value, in which token. One forgiving pass: an unclosed string ends at
// its line, a missing comma or colon is read past, a stray closer closes what is open.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gpb {

// An open object or array on the way to the cursor.
struct CursorFrame {
    bool object = true;
    std::string key;                // objects: the member being written (the last key read)
    size_t index = 0;               // arrays: the item being written
    std::vector<std::string> keys;  // objects: every key, before and after the cursor
    std::string odataType;          // objects: the "@odata.type" value, when it has one
    uint32_t keyEnd = 0;            // objects: where the last key read ends (after its closing quote)
};

enum class CursorPlace {
    Root,   // no value yet at the top
    Key,    // where a member name goes, or inside one
    Value,  // where a value goes, or inside one
    None,   // after a complete value with nothing expected (trailing text), or past the end
};

struct CursorContext {
    CursorPlace place = CursorPlace::None;
    std::vector<CursorFrame> frames;  // outermost first; the last holds the cursor
    // The token the cursor is in or right after (a string with its quotes, a literal); empty
    // (from == to == the cursor) between tokens.
    uint32_t from = 0, to = 0;
    bool inString = false;
    bool stringClosed = false;
    std::string typed;              // the token's text before the cursor, without its opening quote
    bool followedByColon = false;   // a key token already followed by ':'
    bool needsCommaBefore = false;  // a member or item precedes with no comma after it
    bool needsCommaAfter = false;   // a member or item follows the token
};

// `offset` and every offset in the answer are byte offsets into `text`. skipUnread passes over the
// containers whose contents cannot change the answer; the answer is the same without it (tests
// compare the two), only slower on a large body.
CursorContext locate_cursor(std::string_view text, uint32_t offset, bool skipUnread = true);

// The token that contains `offset` (a key or a value), for hover: place Key or Value with
// from/to around it, or place None when the offset is between tokens.
CursorContext token_at(std::string_view text, uint32_t offset, bool skipUnread = true);

}  // namespace gpb
