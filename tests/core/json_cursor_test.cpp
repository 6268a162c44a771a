// Where the cursor is (completion) and what token it is on (hover): passing over the containers
// that cannot change the answer must give the answer a reading of every token gives, at every
// offset of bodies whole and broken.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "json_cursor.hpp"
#include "support.hpp"

namespace {

std::string describe(const gpb::CursorContext& c) {
    std::string out = "place " + std::to_string(static_cast<int>(c.place)) + " from " + std::to_string(c.from) + " to " +
                      std::to_string(c.to) + " inString " + std::to_string(c.inString) + " closed " + std::to_string(c.stringClosed) +
                      " typed [" + c.typed + "] colon " + std::to_string(c.followedByColon) + " commaBefore " +
                      std::to_string(c.needsCommaBefore) + " commaAfter " + std::to_string(c.needsCommaAfter);
    for (const auto& f : c.frames) {
        out += "\n  frame object " + std::to_string(f.object) + " key [" + f.key + "] index " + std::to_string(f.index) + " keyEnd " +
               std::to_string(f.keyEnd) + " @odata.type [" + f.odataType + "] keys";
        for (const auto& k : f.keys) out += " [" + k + "]";
    }
    return out;
}

// Both readings at every offset (every `step`-th on a long text), for completion and for hover.
void same_at_every_offset(const std::string& text, size_t step = 1) {
    for (size_t offset = 0; offset <= text.size(); offset += step) {
        INFO("offset " << offset << " of:\n" << text);
        const auto at = static_cast<uint32_t>(offset);
        REQUIRE(describe(gpb::locate_cursor(text, at, true)) == describe(gpb::locate_cursor(text, at, false)));
        REQUIRE(describe(gpb::token_at(text, at, true)) == describe(gpb::token_at(text, at, false)));
    }
}

// A body the way a person leaves it mid-edit: a few bytes cut, or a quote, bracket, comma, line
// break or backslash put in.
std::string broken(const std::string& text, std::mt19937& random) {
    static const std::string pieces[] = {"\"", "{", "}", "[", "]", ",", ":", "\n", "\\", "\"x", "tru", " "};
    std::string out = text;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits && !out.empty(); ++e) {
        const size_t at = random() % out.size();
        if (random() % 3 == 0) out.erase(at, 1 + random() % 4);
        else out.insert(at, pieces[random() % (sizeof pieces / sizeof pieces[0])]);
    }
    return out;
}

const char* const kNested = R"({
  "@odata.type": "#microsoft.graph.securityConfigurationTask",
  "displayName": "a \"quoted\" name",
  "intendedSettings": [
    {"@odata.type": "#microsoft.graph.keyValuePair", "name": "one", "value": "1"},
    {"name": "two", "value": {"deep": [1, 2, {"deeper": "x"}], "n": null}},
    []
  ],
  "after": {"a": [true, false], "b": "é"},
  "last": 12
})";

}  // namespace

TEST_CASE("the cursor is read alike with and without passing over containers, in whole bodies") {
    same_at_every_offset(kNested);
    same_at_every_offset(test::page_bodies(test::read_file(test::seed_path("001_ec43082713dfce17.txt"))).at(0));
    same_at_every_offset("[{\"a\": [1, {\"b\": 2}]}, [[]], {}]");
    same_at_every_offset("{\"a\": {\"b\": {}} }  {\"c\": [1]}");
}

TEST_CASE("the cursor is read alike with and without passing over containers, in broken bodies") {
    std::mt19937 random(20261201);
    for (int round = 0; round < 150; ++round) same_at_every_offset(broken(kNested, random));
    // Unclosed containers and strings that run to the end of their line or of the text.
    same_at_every_offset("{\"a\": [1, {\"b\": \"x\n  }, \"c\": {\"d\": [");
    same_at_every_offset("{\"a\": {\"b\\\"}\": 1}, \"c\": \"\\");
    same_at_every_offset("]}{\"a\": [}], \"b\": 1}");
}

TEST_CASE("the cursor is read alike with and without passing over containers, in a long body") {
    std::string text = "{\n  \"displayName\": \"x\",\n  \"intendedSettings\": [";
    for (int i = 0; i < 400; ++i)
        text += std::string(i ? "," : "") + "\n    {\"@odata.type\": \"#microsoft.graph.keyValuePair\", \"name\": \"n" + std::to_string(i) +
                "\", \"value\": [" + std::to_string(i) + "]}";
    text += "\n  ],\n  \"status\": \"pending\"\n}";
    same_at_every_offset(text, 13);
}

TEST_CASE("a string being typed ends at its line break: the cursor on the next line is not in it") {
    const std::string text = "{\n  \"dis\n}";
    const gpb::CursorContext typing = gpb::locate_cursor(text, 8);
    CHECK(typing.place == gpb::CursorPlace::Key);
    CHECK(typing.inString);
    CHECK_FALSE(typing.stringClosed);
    CHECK(typing.from == 4);
    CHECK(typing.to == 8);
    CHECK(typing.typed == "dis");
    const gpb::CursorContext nextLine = gpb::locate_cursor(text, 9);
    CHECK_FALSE(nextLine.inString);
    CHECK(nextLine.from == 9);
}
