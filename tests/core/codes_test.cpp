// One table of codes: the README's two tables and gpb.d.ts's unions list exactly the core's codes,
// with the same usual severity.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "diagnostic_codes.hpp"
#include "support.hpp"

namespace {

std::string source(const std::string& path) { return test::read_file(std::string(GPB_SOURCE_DIR) + "/" + path); }

// README table rows "| `code` | severity... | when |": code -> the severity's first word.
std::map<std::string, std::string> readme_codes() {
    std::map<std::string, std::string> found;
    std::istringstream lines(source("README.md"));
    const std::regex row(R"(^\| `([a-z-]+)` \| ([a-z]+)[;| ])");
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_search(line, m, row)) found[m[1]] = m[2];
    }
    return found;
}

// The quoted names of `export type NAME = ... ;` in gpb.d.ts.
std::set<std::string> union_of(const std::string& name) {
    const std::string text = source("web/gpb.d.ts");
    size_t start = text.find("export type " + name + " =");
    REQUIRE(start != std::string::npos);
    std::string body = text.substr(start, text.find(';', start) - start);
    std::set<std::string> names;
    const std::regex quoted("'([a-z-]+)'");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), quoted); it != std::sregex_iterator(); ++it) names.insert((*it)[1]);
    return names;
}

}  // namespace

TEST_CASE("the README's code tables and gpb.d.ts's DiagnosticCode list the core's codes") {
    std::map<std::string, std::string> expected;
    for (size_t i = 0; i < gpb::kCodeCount; ++i) {
        CHECK(static_cast<size_t>(gpb::kCodes[i].code) == i);  // the table is in the enum's order
        expected[gpb::kCodes[i].name] = gpb::severity_name(gpb::kCodes[i].severity);
    }
    CHECK(readme_codes() == expected);
    std::set<std::string> names;
    for (const auto& [name, severity] : expected) names.insert(name);
    CHECK(union_of("DiagnosticCode") == names);
}

TEST_CASE("API failures have their own codes, none of them a diagnostic's") {
    std::set<std::string> api(gpb::kApiErrors, gpb::kApiErrors + gpb::kApiErrorCount);
    for (size_t i = 0; i < gpb::kCodeCount; ++i) CHECK(api.count(gpb::kCodes[i].name) == 0);
    api.insert("internal");  // the JS side's own
    CHECK(union_of("ApiErrorCode") == api);
}
