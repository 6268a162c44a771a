// The core's reader gives nlohmann's value type the value nlohmann's own parse gives: for the
// compiled-in catalog documents and for the edges where the two could part (names given twice,
// numbers at each integer width), and refuses what is not JSON.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "catalog_data.hpp"
#include "json_value.hpp"

namespace {

using ojson = nlohmann::ordered_json;

// Both readings, compared by value and by their text (which shows integer against float).
void reads_as_nlohmann_does(const std::string& text) {
    INFO(text);
    const ojson ours = gpb::read_json_value(text);
    const ojson theirs = ojson::parse(text, nullptr, false);
    REQUIRE_FALSE(theirs.is_discarded());
    REQUIRE_FALSE(ours.is_discarded());
    CHECK(ours == theirs);
    CHECK(ours.dump() == theirs.dump());
}

}  // namespace

TEST_CASE("the compiled-in catalog documents read as nlohmann reads them") {
    const auto sources = gpb::embedded_catalog_sources();
    REQUIRE(sources.size() >= 3);
    for (std::string_view source : sources) reads_as_nlohmann_does(std::string(source));
}

TEST_CASE("read_json_value keeps nlohmann's readings of names given twice and of numbers") {
    for (const char* text : {
             R"({"a": 1, "b": 2, "a": 3})",
             R"({"n": 0, "m": -0, "big": 9223372036854775807, "low": -9223372036854775808})",
             R"({"unsigned": 9223372036854775808, "max": 18446744073709551615, "over": 18446744073709551616})",
             R"({"under": -9223372036854775809, "f": 1.5, "e": 1E5, "g": -2.5e-3, "z": 0.0})",
             R"([true, false, null, "é\u00e9\ud83d\ude00\n", [], {}, [[{"x": [1]}]]])",
             R"("just a string")",
             " 42 ",
         })
        reads_as_nlohmann_does(text);
}

TEST_CASE("read_json_value refuses text that is not one JSON value") {
    for (const char* text : {"", "   ", "{", R"({"a": 1,})", R"({"a": 1} x)", "[1 2]", "{'a': 1}", "nul", R"("\x")"})
        CHECK(gpb::read_json_value(text).is_discarded());
    // Nesting past the reader's depth limit is refused rather than read with unbounded recursion.
    CHECK(gpb::read_json_value(std::string(100, '[') + std::string(100, ']')).is_discarded());
    CHECK_FALSE(gpb::read_json_value(std::string(60, '[') + std::string(60, ']')).is_discarded());
}
