// Documentation pages: the reader on every format quirk, and gpb lint's findings with page lines.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "doc_lint.hpp"
#include "support.hpp"

namespace {

using Found = std::set<std::tuple<std::string, std::string, uint32_t>>;  // severity, code, line

gpb::LintedPage lint_file(const std::string& path) { return gpb::lint_page(gpb::Catalog::builtin(), test::read_file(path), path); }

Found found(const gpb::LintedPage& page) {
    Found out;
    auto take = [&](const gpb::Diagnostics& list) {
        for (const auto& d : list) out.emplace(gpb::severity_name(d.severity), d.code, d.line);
    };
    take(page.diagnostics);
    for (const auto& ex : page.examples) take(ex.diagnostics);
    return out;
}

std::string fixture(const std::string& name) { return std::string(GPB_SOURCE_DIR) + "/tests/fixtures/pages/" + name; }

}  // namespace

TEST_CASE("lint: each seed gives exactly its expected findings") {
    CHECK(found(lint_file(test::seed_path("000_79e0a18590ba6f35.txt"))) ==
          Found{{"warning", "odata-type-format", 104}, {"warning", "odata-type-format", 139}});
    CHECK(found(lint_file(test::seed_path("001_ec43082713dfce17.txt"))) ==
          Found{{"warning", "odata-type-format", 101}, {"warning", "odata-type-format", 136}});
    CHECK(found(lint_file(test::seed_path("002_8c5f0cb97011c803.txt"))) ==
          Found{{"warning", "odata-type-format", 91}, {"warning", "odata-type-format", 126}});
    CHECK(found(lint_file(test::seed_path("004_70f29e99f84360ef.txt"))) == Found{{"error", "enum-value", 53}});

    Found seed003 = found(lint_file(test::seed_path("003_6135de15af08706f.txt")));
    for (const auto& expected : Found{{"error", "malformed-url", 75},
                                      {"error", "enum-value", 103},
                                      {"error", "enum-value", 108},
                                      {"error", "odata-type-unknown", 87},
                                      {"error", "missing-required", 95},
                                      {"error", "enum-value", 158},
                                      {"error", "enum-value", 163},
                                      {"error", "odata-type-unknown", 142},
                                      {"error", "missing-required", 150},
                                      {"info", "undocumented-operation", 29},
                                      {"warning", "permissions-mismatch", 19},
                                      {"warning", "permissions-mismatch", 21}}) {
        CAPTURE(std::get<1>(expected), std::get<2>(expected));
        CHECK(seed003.count(expected) == 1);
    }
    for (const auto& [severity, code, line] : seed003) {
        CAPTURE(code, line);
        CHECK(code != "content-length");
        CHECK(code != "property-table-mismatch");
    }
}

TEST_CASE("lint: fixture pages cover each format quirk and each page-level code") {
    using Row = std::pair<const char*, Found>;
    auto row = GENERATE(values<Row>({
        {"clean-markdown.md", {}},
        {"clean-rendered-table.txt", {}},
        {"entities-crlf-tabs.md", {{"warning", "example-layout", 33}}},
        {"content-length-wrong.md", {{"warning", "content-length", 46}}},
        {"status-mismatch.md", {{"error", "status-mismatch", 55}}},
        {"example-layout.md", {{"error", "example-layout", 55}}},
        {"unterminated-body.md", {{"error", "example-layout", 15}, {"error", "json-syntax", 17}}},
        {"permissions-mismatch.md", {{"warning", "permissions-mismatch", 14}}},
        {"property-table-mismatch.md", {{"warning", "property-table-mismatch", 33}, {"warning", "property-table-mismatch", 34}}},
        {"malformed-url-version.md", {{"error", "malformed-url", 44}}},
        {"unknown-operation.md", {{"warning", "unchecked-example", 12}}},
        {"get-entity.txt", {{"error", "enum-value", 12}}},
        {"derived-model.md", {{"warning", "type-mismatch", 37}, {"warning", "enum-value", 38}}},
    }));
    CAPTURE(row.first);
    CHECK(found(lint_file(fixture(row.first))) == row.second);
}

TEST_CASE("the page reader: formats, titles, tables, entities, CRLF") {
    auto markdown = gpb::read_doc_page(test::read_file(test::seed_path("000_79e0a18590ba6f35.txt")));
    CHECK(markdown.format == "markdown");
    CHECK(markdown.title == "Update securityConfigurationTask");
    REQUIRE(markdown.httpRequests.size() == 1);
    CHECK(markdown.httpRequests[0].method == "PATCH");
    CHECK(markdown.properties.size() == 17);
    CHECK(markdown.properties[5].name == "category");
    CHECK(markdown.properties[5].members == std::vector<std::string>{"unknown", "advancedThreatProtection"});
    CHECK(markdown.properties[16].collection);
    REQUIRE(markdown.examples.size() == 2);
    CHECK(markdown.examples[0].bodyLine == 86);
    CHECK(markdown.examples[1].status == 200);

    auto rendered = gpb::read_doc_page(test::read_file(test::seed_path("002_8c5f0cb97011c803.txt")));
    CHECK(rendered.format == "rendered");
    CHECK(rendered.title == "Create securityConfigurationTask");
    REQUIRE(rendered.permissions.size() == 3);
    CHECK(rendered.permissions[0].names ==
          std::vector<std::string>{"DeviceManagementConfiguration.ReadWrite.All", "DeviceManagementApps.ReadWrite.All"});
    CHECK(rendered.permissions[1].names.empty());
    CHECK(rendered.properties.size() == 17);
    CHECK(rendered.properties[16].type == "keyValuePair");

    auto table = gpb::read_doc_page(test::read_file(test::seed_path("004_70f29e99f84360ef.txt")));
    CHECK(table.format == "rendered-table");
    REQUIRE(table.properties.size() == 1);
    CHECK(table.properties[0].members.size() == 6);
    REQUIRE(table.examples.size() == 2);
    CHECK(table.examples[0].body == "{\n\"status\": \"completed\"\n}");

    auto crlf = gpb::read_doc_page(test::read_file(std::string(GPB_SOURCE_DIR) + "/tests/fixtures/pages/entities-crlf-tabs.md"));
    REQUIRE(crlf.requestHeaders.size() == 1);
    CHECK(crlf.requestHeaders[0].value == "Bearer <token> Required.");
    REQUIRE(crlf.examples.size() == 1);
    CHECK(crlf.examples[0].headers.size() == 2);  // after a blank line below the request line
    CHECK(crlf.examples[0].body.find("\r\n\t\"@odata.type\"") != std::string::npos);
    CHECK(gpb::decode_entities("&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39; &unknown;") == "<a> & \"b\" 'c' &unknown;");
}

TEST_CASE("lint JSON and SARIF") {
    std::vector<gpb::LintedPage> pages = {lint_file(test::seed_path("004_70f29e99f84360ef.txt")), lint_file(fixture("derived-model.md")),
                                          lint_file(fixture("unknown-operation.md"))};
    auto json = nlohmann::json::parse(gpb::lint_json(pages));
    const auto& seed = json["pages"][0];
    CHECK(seed["examples"][0]["kind"] == "request");
    CHECK(seed["examples"][0]["operation"] == "incidentTask.update");
    CHECK(seed["examples"][0]["modelSource"] == "catalog");
    CHECK(seed["examples"][1]["status"] == 200);
    CHECK(seed["examples"][1]["type"] == "microsoft.graph.security.incidentTask");
    CHECK(seed["examples"][1]["diagnostics"][0]["line"] == 53);
    CHECK(json["pages"][1]["examples"][0]["modelSource"] == "page");
    CHECK(json["pages"][1]["examples"][0]["operation"] == "widget.update");
    CHECK(json["pages"][2]["examples"][0]["operation"].is_null());
    CHECK(json["pages"][2]["examples"][0]["modelSource"].is_null());

    auto sarif = nlohmann::json::parse(gpb::lint_sarif(pages));
    CHECK(sarif["version"] == "2.1.0");
    const auto& results = sarif["runs"][0]["results"];
    REQUIRE(results.size() == 4);
    CHECK(results[0]["ruleId"] == "enum-value");
    CHECK(results[0]["level"] == "error");
    CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 53);
    CHECK(results[3]["level"] == "warning");
}

TEST_CASE("a model derived from a page is a catalog entry a maintainer can add") {
    auto page = lint_file(fixture("derived-model.md"));
    REQUIRE_FALSE(page.derivedModel.empty());
    gpb::Catalog catalog;
    catalog.load({page.derivedModel});
    CHECK(catalog.problems().empty() == false);  // alone it lacks microsoft.graph.entity...
    auto model = nlohmann::json::parse(page.derivedModel);
    CHECK(model["operations"][0]["id"] == "widget.update");
    CHECK(model["operations"][0]["path"] == "/widgets/{widgetId}");
    CHECK(model["enums"]["microsoft.graph.widgetColor"]["members"] == nlohmann::json{"red", "green", "blue"});
    CHECK(model["operations"][0]["permissions"]["delegatedWork"] == nlohmann::json{"Widget.ReadWrite.All"});
    CHECK(lint_file(test::seed_path("000_79e0a18590ba6f35.txt")).derivedModel.empty());
}
