// libFuzzer: completion's and hover's reading of the cursor, passing over the containers that
// cannot change the answer, against a reading of every token. The first two bytes pick the offset.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "json_cursor.hpp"

namespace {

bool same(const gpb::CursorContext& a, const gpb::CursorContext& b) {
    if (a.place != b.place || a.from != b.from || a.to != b.to || a.inString != b.inString || a.stringClosed != b.stringClosed ||
        a.typed != b.typed || a.followedByColon != b.followedByColon || a.needsCommaBefore != b.needsCommaBefore ||
        a.needsCommaAfter != b.needsCommaAfter || a.frames.size() != b.frames.size())
        return false;
    for (size_t k = 0; k < a.frames.size(); ++k) {
        const gpb::CursorFrame &x = a.frames[k], &y = b.frames[k];
        if (x.object != y.object || x.key != y.key || x.index != y.index || x.keys != y.keys || x.odataType != y.odataType ||
            x.keyEnd != y.keyEnd)
            return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) return 0;
    std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
    const auto offset = static_cast<uint32_t>((data[0] | data[1] << 8) % (text.size() + 1));
    if (!same(gpb::locate_cursor(text, offset, true), gpb::locate_cursor(text, offset, false))) std::abort();
    if (!same(gpb::token_at(text, offset, true), gpb::token_at(text, offset, false))) std::abort();
    return 0;
}
