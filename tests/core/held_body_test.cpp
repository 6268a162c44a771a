// A held body follows an editor's edits: after each replace its bytes are the UTF-8 of the editor's
// text (lone surrogates in their three-byte form, as the page writes them), and a replace it
// refuses is one that cannot be applied byte for byte.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "api.hpp"
#include "held_body.hpp"

namespace {

// UTF-16 text as a page holds it, and its UTF-8 as the page writes it into the module.
std::string utf8_of(const std::u16string& text) {
    std::string out;
    auto put = [&](uint32_t c) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i];
        const bool pair = unit >= 0xD800 && unit < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000;
        if (pair) {
            put(0x10000 + ((unit - 0xD800) << 10) + (text[i + 1] - 0xDC00));
            ++i;
        } else {
            put(unit);
        }
    }
    return out;
}

std::u16string random_text(std::mt19937& random, size_t length) {
    const std::u16string pieces[] = {u"a", u"{\"x\": 1}", u"\n", u"é", u"€", u"😀", u"\xD83D", u"\xDE00", u"bcdefghijklmnop"};
    std::u16string text;
    while (text.size() < length) text += pieces[random() % std::size(pieces)];
    return text;
}

bool splits_pair(const std::u16string& text, size_t at) {
    return at > 0 && at < text.size() && text[at - 1] >= 0xD800 && text[at - 1] < 0xDC00 && text[at] >= 0xDC00 && text[at] < 0xE000;
}

}  // namespace

TEST_CASE("a held body's bytes follow random edits, and it refuses only edits it cannot apply byte for byte") {
    std::mt19937 random(11);
    int refused = 0, applied = 0;
    for (int round = 0; round < 300; ++round) {
        std::u16string text = random_text(random, random() % 120);
        gpb::HeldBody body;
        body.assign(utf8_of(text));
        for (int edit = 0; edit < 30; ++edit) {
            const size_t from = random() % (text.size() + 1);
            const size_t to = from + random() % (text.size() - from + 1);
            const std::u16string insert = random() % 3 ? random_text(random, random() % 6) : std::u16string();
            std::u16string next = text.substr(0, from) + insert + text.substr(to);
            INFO("round " << round << " edit " << edit << " from " << from << " to " << to);
            if (body.replace(from, to, utf8_of(insert))) {
                ++applied;
                REQUIRE(std::string(body.text()) == utf8_of(next));
            } else {
                ++refused;
                // Refused: the edit splits a pair, or its pieces' bytes are not the result's.
                const bool piecewise = utf8_of(text.substr(0, from)) + utf8_of(insert) + utf8_of(text.substr(to)) == utf8_of(next);
                CHECK((splits_pair(text, from) || splits_pair(text, to) || !piecewise));
                CHECK(std::string(body.text()) == utf8_of(text));  // unchanged
                body.assign(utf8_of(next));
            }
            text = std::move(next);
        }
    }
    CHECK(applied > 5000);
    CHECK(refused > 50);
}

TEST_CASE("a held body refuses positions past its end and reversed ranges") {
    gpb::HeldBody body;
    body.assign("{\"a\": \"é\"}");  // 10 UTF-16 units, 11 bytes
    CHECK_FALSE(body.replace(11, 11, "x"));
    CHECK_FALSE(body.replace(5, 4, "x"));
    CHECK(body.replace(10, 10, " "));
    CHECK(body.text() == "{\"a\": \"é\"} ");
    CHECK(body.replace(7, 8, "ü"));  // the é, by its UTF-16 position
    CHECK(body.text() == "{\"a\": \"ü\"} ");
}

TEST_CASE("a deletion that brings a lone high surrogate next to a lone low one is refused") {
    const std::u16string text = u"\"\xD83Dx\xDE00\"";
    gpb::HeldBody body;
    body.assign(utf8_of(text));
    CHECK_FALSE(body.replace(2, 3, ""));
    CHECK(body.text() == utf8_of(text));
    CHECK(body.replace(2, 3, "y"));
}

TEST_CASE("a held body is checked as the same text given whole") {
    const std::string before = "{\"title\": \"Plan\", \"priority\": \"hgh\"}";
    gpb::HeldBody body;
    body.assign(before);
    REQUIRE(body.replace(31, 34, "high"));
    const std::string after = "{\"title\": \"Plan\", \"priority\": \"high\"}";
    REQUIRE(body.text() == after);
    CHECK(gpb::api::validate("securityConfigurationTask.create", body.text(), false) ==
          gpb::api::validate("securityConfigurationTask.create", after, false));
}
