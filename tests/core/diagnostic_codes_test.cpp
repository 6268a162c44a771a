// One table row per diagnostic code: where it points (pointer, line, column) and how severe it is.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "value_formats.hpp"

using test::check;

namespace {

const char* kCreateType = "\"@odata.type\": \"#microsoft.graph.securityConfigurationTask\"";

std::string patch_task(const std::string& members) { return std::string("{") + kCreateType + ",\n" + members + "\n}"; }

}  // namespace

TEST_CASE("every diagnostic code points at the offending token") {
    using Row = std::tuple<std::string, bool, std::string, std::string, std::string, std::string, int, int>;
    // operation, response?, body, code, severity, pointer, line, column (UTF-16, 1-based)
    auto row = GENERATE(table<std::string, bool, std::string, std::string, std::string, std::string, int, int>({
        Row{"incidentTask.update", false, "{\"status\": tru}", "json-syntax", "error", "", 1, 12},
        Row{"incidentTask.update", false, "{\"status\": \"open\",}", "json-syntax", "error", "", 1, 19},
        Row{"incidentTask.update", false, "{\n  \"status\": \"open\"\n  \"x\": 1\n}", "json-syntax", "error", "", 3, 3},
        Row{"incidentTask.update", false, "{\"status\": \"open\", \"status\": \"completed\"}", "duplicate-key", "error", "/status", 1, 20},
        Row{"incidentTask.update", false, "  [1, 2]", "body-not-object", "error", "", 1, 3},
        Row{"securityConfigurationTask.update", false, patch_task("  \"managedDeviceCount\": \"2\""), "type-mismatch", "error",
            "/managedDeviceCount", 2, 25},
        Row{"securityConfigurationTask.update", false, patch_task("  \"intendedSettings\": {}"), "type-mismatch", "error",
            "/intendedSettings", 2, 23},
        Row{"incidentTask.update", false, "{\"statsu\": \"open\"}", "unknown-property", "error", "/statsu", 1, 2},
        Row{"securityAction.update", false, "{\"customTag\": \"x\"}", "unknown-property", "warning", "/customTag", 1, 2},
        Row{"incidentTask.update", false, "{\"status\": \"Completed\"}", "enum-value", "warning", "/status", 1, 12},
        Row{"incidentTask.update", false, "{\"status\": \"Complete\"}", "enum-value", "error", "/status", 1, 12},
        Row{"securityConfigurationTask.update", false, patch_task("  \"dueDateTime\": \"2026-12-31T17:00:00\""), "datetime-format", "error",
            "/dueDateTime", 2, 18},
        Row{"securityConfigurationTask.update", false, patch_task("  \"managedDeviceCount\": 2147483648"), "int-range", "error",
            "/managedDeviceCount", 2, 25},
        Row{"securityConfigurationTask.update", false, patch_task("  \"managedDeviceCount\": 70000"), "range", "warning",
            "/managedDeviceCount", 2, 25},
        Row{"securityAction.update", false, "{\"clientContext\": \"" + std::string(300, 'x') + "\"}", "string-length", "warning",
            "/clientContext", 1, 19},
        Row{"securityConfigurationTask.update", false, patch_task("  \"dueDateTime\": null"), "null-not-allowed", "error", "/dueDateTime",
            2, 18},
        Row{"securityAction.update", false, "{\"parameters\": [{\"value\": \"v\"}]}", "missing-required", "error", "/parameters/0", 1, 17},
        Row{"securityConfigurationTask.create", false, "{\"@odata.type\": \"#microsoft.graph.securityConfigurationTask\"}",
            "missing-required", "error", "", 1, 1},
        Row{"incidentTask.update", false, "{\"createdByDisplayName\": \"me\"}", "read-only", "error", "/createdByDisplayName", 1, 2},
        Row{"incidentTask.update", false, "{\"status\": \"open\", \"displayName\": \"x\"}", "not-updatable", "error", "/displayName", 1,
            20},
        Row{"securityAction.update", false, "{\"appId\": \"x\"}", "server-assigned", "warning", "/appId", 1, 2},
        Row{"securityConfigurationTask.update", false, patch_task("  \"managedDevices\": []"), "navigation-inline", "error",
            "/managedDevices", 2, 3},
        Row{"incidentTask.update", false, "{\"status\": \"open\", \"incident\": {\"id\": \"1\"}}", "navigation-inline", "error",
            "/incident", 1, 20},
        Row{"securityConfigurationTask.update", false, "{\"status\": \"active\"}", "odata-type-missing", "error", "", 1, 1},
        Row{"securityAction.update", false,
            "{\"errorInfo\": {\"@odata.type\": \"#microsoft.graph.ResultInfo\", \"code\": 1, \"subcode\": 2}}", "odata-type-unknown",
            "error", "/errorInfo/@odata.type", 1, 31},
        Row{"securityConfigurationTask.update", false, "{\"@odata.type\": \"#microsoft.graph.keyValuePair\"}", "odata-type-mismatch",
            "error", "/@odata.type", 1, 17},
        Row{"securityAction.update", false, "{\"vendorInformation\": {\"@odata.type\": \"microsoft.graph.securityVendorInformation\"}}",
            "odata-type-format", "warning", "/vendorInformation/@odata.type", 1, 39},
        Row{"incidentTask.update", false, "{\"status\": \"unknownFutureValue\"}", "sentinel-value", "warning", "/status", 1, 12},
        Row{"incidentTask.update", false, "{ }", "empty-body", "warning", "", 1, 1},
        Row{"incidentTask.update", true, "{\"value\": [{\"id\": \"1\", \"status\": \"open\"}]}", "value-envelope", "error", "/value", 1, 2},
        Row{"incidentTask.update", false, std::string(100, '[') + std::string(100, ']'), "limit", "error", "", 1, 65},
        // Emoji (two UTF-16 units, four bytes) and CJK (one unit, three bytes) before the error.
        Row{"incidentTask.update", false, "{\"displayName\": \"\xF0\x9F\x98\x80\xE6\xBC\xA2\xE5\xAD\x97\", \"status\": \"Opened\"}",
            "enum-value", "error", "/status", 1, 35},
        Row{"incidentTask.update", false, "{\"x\": \"\xF0\x9F\x98\x80\",\n \"\xE6\xBC\xA2\": \"\xF0\x9F\x98\x80\", \"status\": \"Done\"}",
            "enum-value", "error", "/status", 2, 23},
    }));
    const auto& [operation, response, body, code, severity, pointer, line, column] = row;
    CAPTURE(operation, body, code, pointer);
    gpb::ValidationResult result = check(operation, body, response);
    const gpb::Diagnostic* d = test::find(result, code, pointer);
    REQUIRE(d != nullptr);
    CHECK(gpb::severity_name(d->severity) == severity);
    CHECK(d->line == static_cast<uint32_t>(line));
    CHECK(d->column == static_cast<uint32_t>(column));
    CHECK(!d->message.empty());
    CHECK(result.valid() == (severity != "error"));
}

TEST_CASE("ranges cover the whole token, and end columns count UTF-16 units") {
    auto result = check("incidentTask.update", "{\"displayName\": \"\xF0\x9F\x98\x80\", \"status\": \"Open\"}");
    const gpb::Diagnostic* key = test::find(result, "not-updatable", "/displayName");
    REQUIRE(key);
    CHECK(key->column == 2);
    CHECK(key->endColumn == 15);  // "displayName" with its quotes is 13 units
    const gpb::Diagnostic* value = test::find(result, "enum-value", "/status");
    REQUIRE(value);
    CHECK(value->column == 33);
    CHECK(value->endColumn == 39);
    CHECK(value->endLine == 1);
}

TEST_CASE("suggestions are replacement text for the diagnostic's range") {
    SECTION("a mistyped property") {
        auto result = check("incidentTask.update", "{\"Status\": \"open\"}");
        const gpb::Diagnostic* d = test::find(result, "unknown-property", "/Status");
        REQUIRE(d);
        CHECK(d->suggestion == "\"status\"");
    }
    SECTION("an enum member in the wrong case") {
        auto result = check("securityAction.update", "{\"status\": \"notStarted\"}");
        const gpb::Diagnostic* d = test::find(result, "enum-value", "/status");
        REQUIRE(d);
        CHECK(d->suggestion == "\"NotStarted\"");
    }
    SECTION("a placeholder with nothing near it gets no suggestion") {
        auto result = check("securityAction.update", "{\"status\": \"String\"}");
        const gpb::Diagnostic* d = test::find(result, "enum-value", "/status");
        REQUIRE(d);
        CHECK_FALSE(d->hasSuggestion);
        CHECK(d->message.find("placeholder") != std::string::npos);
    }
    SECTION("a missing '#'") {
        auto result =
            check("securityAction.update", "{\"parameters\": [{\"@odata.type\": \"microsoft.graph.keyValuePair\", \"name\": \"n\"}]}");
        const gpb::Diagnostic* d = test::find(result, "odata-type-format", "/parameters/0/@odata.type");
        REQUIRE(d);
        CHECK(d->suggestion == "\"#microsoft.graph.keyValuePair\"");
        CHECK(result.valid());
    }
    SECTION("a wrongly cased type name") {
        auto result = check("securityAction.update",
                            "{\"errorInfo\": {\"@odata.type\": \"microsoft.graph.ResultInfo\", \"code\": 1, \"subcode\": 1}}");
        const gpb::Diagnostic* d = test::find(result, "odata-type-unknown", "/errorInfo/@odata.type");
        REQUIRE(d);
        CHECK(d->suggestion == "\"#microsoft.graph.resultInfo\"");
        CHECK_FALSE(test::find(result, "odata-type-format", "/errorInfo/@odata.type"));
    }
    SECTION("a date-time without an offset") {
        auto result = check("securityConfigurationTask.update", patch_task("\"dueDateTime\": \"2026-12-31 17:00:00\""));
        const gpb::Diagnostic* d = test::find(result, "datetime-format", "/dueDateTime");
        REQUIRE(d);
        CHECK(d->suggestion == "\"2026-12-31T17:00:00Z\"");
    }
    SECTION("a number written as a string") {
        auto result = check("securityConfigurationTask.update", patch_task("\"managedDeviceCount\": \"12\""));
        const gpb::Diagnostic* d = test::find(result, "type-mismatch", "/managedDeviceCount");
        REQUIRE(d);
        CHECK(d->suggestion == "12");
    }
    SECTION("a missing @odata.type is inserted after the brace") {
        auto result = check("securityConfigurationTask.update", "{\"status\": \"active\"}");
        const gpb::Diagnostic* d = test::find(result, "odata-type-missing", "");
        REQUIRE(d);
        CHECK(d->endColumn == 2);
        CHECK(d->suggestion == "{\n  \"@odata.type\": \"#microsoft.graph.securityConfigurationTask\",");
    }
}

TEST_CASE("diagnostics come in document order") {
    auto result = check("securityAction.update", "{\"status\": \"x\",\n \"appId\": \"a\",\n \"parameters\": [{}],\n \"user\": 5}");
    REQUIRE(result.diagnostics.size() >= 4);
    for (size_t i = 1; i < result.diagnostics.size(); ++i) {
        const auto& a = result.diagnostics[i - 1];
        const auto& b = result.diagnostics[i];
        CHECK((a.line < b.line || (a.line == b.line && a.column <= b.column)));
    }
}

TEST_CASE("direction matters") {
    const std::string body = "{\"id\": \"1\", \"createdByDisplayName\": \"Defender Experts\", \"status\": \"open\"}";
    SECTION("read-only values are errors in a request") {
        auto result = check("incidentTask.update", body);
        CHECK(test::find(result, "read-only", "/createdByDisplayName"));
        CHECK(test::find(result, "not-updatable", "/id"));
    }
    SECTION("and normal in a response") {
        auto result = check("incidentTask.update", body, true);
        CHECK(result.diagnostics.empty());
    }
    SECTION("server-assigned values are warnings in a request only") {
        CHECK(test::find(check("securityAction.update", "{\"user\": \"u\"}"), "server-assigned", "/user"));
        CHECK(check("securityAction.update", "{\"user\": \"u\"}", true).diagnostics.empty());
    }
    SECTION("a value envelope is only a response problem") {
        auto request = check("securityAction.update", "{\"value\": [1]}");
        CHECK_FALSE(test::find(request, "value-envelope", "/value"));
        CHECK(test::find(request, "unknown-property", "/value"));
    }
    SECTION("a navigation property may be expanded in a response") {
        auto result = check("incidentTask.update", "{\"incident\": {\"id\": \"1\", \"displayName\": \"x\"}}", true);
        CHECK(result.diagnostics.empty());
    }
}

TEST_CASE("a derived type named by @odata.type is validated with its own properties") {
    SECTION("derived properties are known once the type is named") {
        auto result = check("securityConfigurationTask.update", patch_task("\"insights\": \"x\""));
        CHECK(result.diagnostics.empty());
    }
    SECTION("a base-type body does not know them") {
        auto result = check("securityConfigurationTask.update",
                            "{\"@odata.type\": \"#microsoft.graph.deviceAppManagementTask\", \"insights\": \"x\"}");
        CHECK(test::find(result, "odata-type-mismatch", "/@odata.type"));
    }
    SECTION("an abstract complex value must name its kind") {
        auto missing = check("incidentTask.update", "{\"responseAction\": {\"identifierValue\": \"x\"}}", true);
        CHECK(test::find(missing, "odata-type-missing", "/responseAction"));
        auto named = check("incidentTask.update",
                           "{\"responseAction\": {\"@odata.type\": \"#microsoft.graph.security.isolateDeviceIncidentTaskResponseAction\","
                           " \"identifierValue\": \"x\", \"isolationType\": \"sideways\"}}",
                           true);
        CHECK(test::findings(named) == std::set<test::Finding>{{"enum-value", "/responseAction/isolationType"}});
    }
}

TEST_CASE("numbers: Int32 bounds, integers only, documented ranges") {
    auto count = [](const std::string& literal) {
        return test::findings(check("securityConfigurationTask.update", patch_task("\"managedDeviceCount\": " + literal)));
    };
    using F = std::set<test::Finding>;
    CHECK(count("2147483647") == F{{"range", "/managedDeviceCount"}});
    CHECK(count("-2147483648") == F{{"range", "/managedDeviceCount"}});
    CHECK(count("-2147483649") == F{{"int-range", "/managedDeviceCount"}});
    CHECK(count("99999999999999999999999") == F{{"int-range", "/managedDeviceCount"}});
    CHECK(count("2.5") == F{{"type-mismatch", "/managedDeviceCount"}});
    CHECK(count("1e3") == F{{"type-mismatch", "/managedDeviceCount"}});
    CHECK(count("0") == F{});
    CHECK(count("65536") == F{});
    CHECK(count("65537") == F{{"range", "/managedDeviceCount"}});
}

TEST_CASE("DateTimeOffset: the offset is mandatory and the calendar is real") {
    std::string fix;
    CHECK(gpb::datetime_problem("2017-01-01T00:02:18.1994089-08:00", fix).empty());
    CHECK(gpb::datetime_problem("2023-06-26T19:07:39.7433333Z", fix).empty());
    CHECK(gpb::datetime_problem("2024-02-29T10:00Z", fix).empty());
    CHECK(gpb::datetime_problem("2024-02-29T10:00:00.123456789012+14:00", fix).empty());
    CHECK_FALSE(gpb::datetime_problem("2023-02-29T10:00:00Z", fix).empty());
    CHECK_FALSE(gpb::datetime_problem("2023-13-01T10:00:00Z", fix).empty());
    CHECK_FALSE(gpb::datetime_problem("2023-01-01T24:00:00Z", fix).empty());
    CHECK_FALSE(gpb::datetime_problem("2023-01-01T10:00:00.1234567890123Z", fix).empty());
    CHECK_FALSE(gpb::datetime_problem("2023-01-01T10:00:00", fix).empty());
    CHECK(fix == "2023-01-01T10:00:00Z");
    CHECK_FALSE(gpb::datetime_problem("2023-01-01", fix).empty());
    CHECK(fix == "2023-01-01T00:00:00Z");
    CHECK_FALSE(gpb::datetime_problem("2023-01-01T10:00:00+0200", fix).empty());
    CHECK(fix == "2023-01-01T10:00:00+02:00");
    CHECK_FALSE(gpb::datetime_problem("yesterday", fix).empty());
    CHECK(fix.empty());
}
