// Lines and UTF-16 columns: the forward walk the validator uses agrees with the line index at every
// offset, whatever the line breaks (LF, CRLF, a lone CR) and characters (two-, three- and four-byte).
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "source_locator.hpp"

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
