// Lines and UTF-16 columns: the forward walk the validator uses agrees with the line index at every
// offset, whatever the line breaks (LF, CRLF, a lone CR) and characters (two-, three- and four-byte).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "source_locator.hpp"
#include "text.hpp"

namespace {

std::string random_text(std::mt19937& random, size_t length) {
    const std::vector<std::string> pieces = {"a", " ", "\n", "\r", "\r\n", "é", "€", "😀", "\"", "bcdefghij"};
    std::string text;
    while (text.size() < length) text += pieces[random() % pieces.size()];
    return text;
}

}  // namespace

TEST_CASE("the forward walk gives each diagnostic the line index's line and column") {
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        const std::string text = random_text(random, 1 + random() % 300);
        const gpb::SourceLocator index(text);
        gpb::Diagnostics diagnostics;
        for (int k = 0; k < 12; ++k) {
            gpb::Diagnostic d;
            d.begin = static_cast<uint32_t>(random() % (text.size() + 3));  // past the end is clamped
            d.end = d.begin + static_cast<uint32_t>(random() % 40);
            diagnostics.push_back(d);
        }
        gpb::locate_diagnostics(text, diagnostics);
        for (const auto& d : diagnostics) {
            INFO("text " << text << " begin " << d.begin << " end " << d.end);
            CHECK(d.line == index.position(d.begin).line);
            CHECK(d.column == index.position(d.begin).column);
            CHECK(d.endLine == index.position(d.end).line);
            CHECK(d.endColumn == index.position(d.end).column);
        }
    }
}

TEST_CASE("a position between the CR and LF of a line break is on the CR's line") {
    gpb::Diagnostics diagnostics(1);
    diagnostics[0].begin = 3;  // the '\n' of "ab\r\n"
    diagnostics[0].end = 4;
    gpb::locate_diagnostics("ab\r\ncd", diagnostics);
    CHECK(diagnostics[0].line == 1);
    CHECK(diagnostics[0].column == 4);
    CHECK(diagnostics[0].endLine == 2);
    CHECK(diagnostics[0].endColumn == 1);
}

TEST_CASE("UTF-16 offsets and byte offsets convert alike however ASCII and other letters mix") {
    // Built from whole characters: the UTF-16 offset of each character's first byte, counted one
    // character at a time, is what both conversions must agree with.
    const std::vector<std::pair<std::string, size_t>> letters = {{"a", 1}, {"é", 1}, {"中", 1}, {"😀", 2}, {"\n", 1}};
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        std::string text;
        std::vector<std::pair<size_t, size_t>> starts;  // (byte, UTF-16 unit) of each character
        size_t units = 0;
        const size_t count = random() % 40;
        for (size_t k = 0; k < count; ++k) {
            // Mostly ASCII runs, so that eight-byte words of ASCII and of other letters both occur.
            const auto& letter = letters[random() % 8 < 5 ? 0 : 1 + random() % 4];
            starts.emplace_back(text.size(), units);
            text += letter.first;
            units += letter.second;
        }
        starts.emplace_back(text.size(), units);
        INFO(text);
        for (const auto& [byte, unit] : starts) {
            CHECK(gpb::utf16_offset_of(text, byte) == unit);
            CHECK(gpb::byte_offset_of(text, unit) == byte);
        }
        CHECK(gpb::utf16_length(text) == units);
        CHECK(gpb::byte_offset_of(text, units + 5) == text.size());
        CHECK(gpb::utf16_offset_of(text, text.size() + 5) == units);
    }
}
