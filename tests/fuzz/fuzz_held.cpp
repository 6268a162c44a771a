// libFuzzer: a held body's check against a whole check of the same text. The first byte picks the
// operation and direction, the rest is the body; then a run of keystrokes drawn from the input
// (mostly typing inside string values, where a check re-checks one value) follows, each checked
// both ways. Any difference stops the run.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "held_body.hpp"
#include "text.hpp"
#include "validator.hpp"

namespace {

// A byte inside a string token of text, found from `pick` (npos when the text holds no string).
size_t inside_a_string(std::string_view text, size_t pick) {
    size_t quotes = 0;
    for (char c : text) quotes += c == '"';
    if (quotes < 2) return std::string::npos;
    size_t wanted = pick % (quotes - 1), seen = 0;
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '"' && seen++ == wanted) return i + 1;
    return std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const gpb::Catalog& model = gpb::Catalog::builtin();
    const auto& ops = model.operations();
    const gpb::OperationDef& op = *ops[data[0] % ops.size()];
    const auto direction = (data[0] / ops.size()) % 2 ? gpb::Direction::Response : gpb::Direction::Request;
    gpb::HeldBody body;
    gpb::CheckMemo memo;
    body.assign(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    std::mt19937 random(static_cast<uint32_t>(std::hash<std::string_view>{}(body.text())));
    const char* typed[] = {"a", "Z", "0", "-", ":", " ", ",", "\"", "\\", "\n", "\xC3\xA9", "\x01", "{", "}"};
    size_t cursor = std::string::npos;
    for (int key = 0; key < 24; ++key) {
        const std::string_view text = body.text();
        if (cursor == std::string::npos || cursor > text.size() || random() % 6 == 0) cursor = inside_a_string(text, random());
        if (cursor == std::string::npos) cursor = random() % (text.size() + 1);
        const bool deleting = random() % 4 == 0 && cursor > 0;
        const std::string insert = deleting ? "" : typed[random() % (random() % 3 ? 7 : std::size(typed))];
        const size_t from = deleting ? cursor - 1 : cursor;
        // Positions count UTF-16 units; an edit the body cannot apply in place is refused.
        if (body.replace(gpb::utf16_offset_of(text, from), gpb::utf16_offset_of(text, cursor), insert)) cursor = from + insert.size();
        else cursor = std::string::npos;
        const std::string held = gpb::validation_json(gpb::validate_held(model, op, body, direction, memo));
        if (held != gpb::validation_json(gpb::validate_body(model, op, body.text(), direction))) std::abort();
    }
    return 0;
}
