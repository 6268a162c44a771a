// JSON conformance and bad input: every text gives a result, never a crash.
#include <catch2/catch.hpp>

#include <filesystem>

#include "api.hpp"
#include "doc_lint.hpp"
#include "support.hpp"

namespace {

bool has_code(const gpb::ValidationResult& r, const std::string& code) {
    for (const auto& d : r.diagnostics)
        if (d.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("JSONTestSuite: y_ parses, n_ is rejected, i_ gives a result") {
    std::string dir = std::string(GPB_FIXTURES_DIR) + "/JSONTestSuite/test_parsing";
    size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        std::string text = test::read_file(entry.path().string());
        CAPTURE(name);
        auto result = test::check("securityAction.update", text);
        bool rejected = has_code(result, "json-syntax") || has_code(result, "limit");
        if (name[0] == 'y') CHECK_FALSE(rejected);
        if (name[0] == 'n') CHECK(rejected);
        if (rejected) CHECK_FALSE(result.valid());
        ++seen;
    }
    CHECK(seen > 300);
}

TEST_CASE("bad input gives a diagnostic and never crashes") {
    SECTION("empty text") {
        auto r = test::check("incidentTask.update", "");
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].code == "json-syntax");
        CHECK(r.diagnostics[0].line == 1);
        CHECK(r.diagnostics[0].column == 1);
    }
    SECTION("only whitespace") {
        auto r = test::check("incidentTask.update", "  \n\t ");
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].code == "json-syntax");
        CHECK(r.diagnostics[0].line == 2);
    }
    SECTION("a bare string") {
        auto r = test::check("incidentTask.update", "\"status\"");
        CHECK(test::findings(r) == std::set<test::Finding>{{"body-not-object", ""}});
    }
    SECTION("1 MB of [") {
        auto r = test::check("incidentTask.update", std::string(1 << 20, '['));
        CHECK(test::findings(r) == std::set<test::Finding>{{"limit", ""}});
    }
    SECTION("100 000 nesting levels of objects") {
        std::string deep;
        for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
        deep += "1" + std::string(100000, '}');
        auto r = test::check("incidentTask.update", deep);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].code == "limit");
        CHECK(r.diagnostics[0].column == 64 * 5 + 1);  // the 65th opening brace
    }
    SECTION("invalid UTF-8 inside a string") {
        auto r = test::check("incidentTask.update", "{\"status\": \"op\xC3\x28n\"}");
        CHECK(has_code(r, "json-syntax"));
        CHECK(r.diagnostics[0].line == 1);
    }
    SECTION("invalid UTF-8 outside strings") {
        auto r = test::check("incidentTask.update", "{\xFF}");
        CHECK(has_code(r, "json-syntax"));
    }
    SECTION("a NUL byte") {
        auto r = test::check("incidentTask.update", std::string("{\"status\": \"open\"\0}", 19));
        CHECK(has_code(r, "json-syntax"));
        auto inString = test::check("incidentTask.update", std::string("{\"status\": \"op\0en\"}", 19));
        CHECK(has_code(inString, "json-syntax"));
        static const char kTrailing[] = "{\"status\": \"open\"}\0{\"x\": 1}";
        auto trailing = test::check("incidentTask.update", std::string(kTrailing, sizeof kTrailing - 1));
        REQUIRE(trailing.diagnostics.size() == 1);
        CHECK(trailing.diagnostics[0].code == "json-syntax");
        CHECK(trailing.diagnostics[0].column == 19);
    }
    SECTION("a 10 MB body is over the size limit") {
        std::string big = "{\"description\": \"" + std::string(10u << 20, 'x') + "\"}";
        auto r = test::check("incidentTask.update", big);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].code == "limit");
        CHECK(r.diagnostics[0].message.find("bytes") != std::string::npos);
    }
    SECTION("a large body under the limit is checked in full") {
        std::string items;
        for (int i = 0; i < 20000; ++i) items += std::string(i ? "," : "") + "{\"name\": \"n" + std::to_string(i) + "\", \"value\": \"v\"}";
        std::string body =
            "{\"@odata.type\": \"#microsoft.graph.securityConfigurationTask\", \"intendedSettings\": [" + items + ", {\"value\": 1}]}";
        auto r = test::check("securityConfigurationTask.update", body);
        CHECK(test::findings(r) ==
              std::set<test::Finding>{{"missing-required", "/intendedSettings/20000"}, {"type-mismatch", "/intendedSettings/20000/value"}});
    }
    SECTION("numbers with 10 000 digits") {
        auto r = test::check(
            "securityConfigurationTask.update",
            "{\"@odata.type\": \"#microsoft.graph.securityConfigurationTask\", \"managedDeviceCount\": " + std::string(10000, '9') + "}");
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].code == "limit");
        CHECK(r.diagnostics[0].column == 85);
        CHECK(r.diagnostics[0].message.size() < 100);  // the digits are not echoed back
        auto wide = test::check(
            "securityConfigurationTask.update",
            "{\"@odata.type\": \"#microsoft.graph.securityConfigurationTask\", \"managedDeviceCount\": 1" + std::string(300, '0') + "}");
        CHECK(test::findings(wide) == std::set<test::Finding>{{"int-range", "/managedDeviceCount"}});
    }
    SECTION("two hundred thousand keys, one of them twice") {
        std::string body = "{\"status\": \"open\", \"nope\": {";
        for (int i = 0; i < 200000; ++i) body += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\":0";
        body += ",\"k7\":1}}";
        auto r = test::check("incidentTask.update", body);
        CHECK(test::findings(r) == std::set<test::Finding>{{"unknown-property", "/nope"}, {"duplicate-key", "/nope/k7"}});
    }
    SECTION("a million findings under the size limit: the first thousand are listed, then one limit") {
        std::string body = "{";
        for (int i = 0; i < 999999; ++i) body += "\"a\":0,";
        body += "\"a\":0}";
        auto r = test::check("securityAction.update", body);
        REQUIRE(r.diagnostics.size() == gpb::kMaxDiagnostics + 1);
        const gpb::Diagnostic& last = r.diagnostics.back();
        CHECK(last.code == "limit");
        CHECK(last.column == 3002);  // the first finding not listed: the 501st duplicate
        CHECK(last.message == "Only the first 1000 findings are listed; 1998999 more from here on are not.");
        CHECK_FALSE(r.valid());
    }
    SECTION("a finding on every item of a long collection: the first thousand are listed, the rest counted") {
        std::string body = "{\"intendedSettings\":[";
        for (int i = 0; i < 3000; ++i)
            body += std::string(i ? "," : "") + "{\"@odata.type\":\"microsoft.graph.keyValuePair\",\"name\":\"n" + std::to_string(i) +
                    "\",\"value\":null}";
        body += "],\"priority\":\"hgh\"}";
        auto r = test::check("securityConfigurationTask.create", body);
        REQUIRE(r.diagnostics.size() == gpb::kMaxDiagnostics + 1);
        CHECK(r.diagnostics[999].pointer == "/intendedSettings/999/@odata.type");
        CHECK(r.diagnostics[999].column == 73853);
        const gpb::Diagnostic& last = r.diagnostics.back();
        CHECK(last.code == "limit");
        CHECK(last.column == 73927);  // the 1001st item's "@odata.type"
        // 2000 more items, and the body's own findings (found when it closes) are counted too.
        CHECK(last.message == "Only the first 1000 findings are listed; 2009 more from here on are not.");
    }
    SECTION("a million keys are over the size limit") {
        std::string body = "{";
        for (int i = 0; i < 1000000; ++i) body += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\":0";
        body += "}";
        auto r = test::check("securityAction.update", body);
        CHECK(test::findings(r) == std::set<test::Finding>{{"limit", ""}});
    }
    SECTION("__proto__ and constructor keys are ordinary names") {
        auto r = test::check("incidentTask.update", "{\"__proto__\": {}, \"constructor\": 1, \"status\": \"open\"}");
        CHECK(test::findings(r) == std::set<test::Finding>{{"unknown-property", "/__proto__"}, {"unknown-property", "/constructor"}});
    }
}

// Inputs the fuzzers found a problem with; each must now give a result.
TEST_CASE("fuzzer findings stay fixed") {
    std::string dir = std::string(GPB_SOURCE_DIR) + "/tests/fixtures/fuzz";
    size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        std::string text = test::read_file(entry.path().string());
        CAPTURE(name);
        gpb::LintedPage page = gpb::lint_page(gpb::Catalog::builtin(), text, name);
        CHECK_FALSE(gpb::lint_json({page}).empty());
        for (const auto& op : gpb::Catalog::builtin().operations()) {
            CHECK_FALSE(gpb::api::validate(op->id, text, false).empty());
            CHECK_FALSE(gpb::api::response(op->id, text).empty());
        }
        ++seen;
    }
    CHECK(seen >= 1);
}
