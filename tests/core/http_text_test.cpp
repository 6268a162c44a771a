// Pasted HTTP requests: the docs' spellings, redaction of real tokens, and operation matching.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "http_text.hpp"
#include "support.hpp"

TEST_CASE("a docs request with a blank line before its headers and a CRLF body") {
    std::string text =
        "\r\nPATCH https://graph.microsoft.com/beta/security/incidentTasks/213213\r\n\r\nContent-Type: "
        "application/json\r\n\r\n{\r\n\"status\": \"completed\"\r\n}\r\n";
    gpb::RawRequest r = gpb::parse_raw_request(text);
    REQUIRE(r.ok);
    CHECK(r.method == "PATCH");
    CHECK(r.version == "beta");
    CHECK(r.path == "/security/incidentTasks/213213");
    CHECK(r.headers == std::vector<std::pair<std::string, std::string>>{{"Content-Type", "application/json"}});
    CHECK(r.body == "{\r\n\"status\": \"completed\"\r\n}");
}

TEST_CASE("the docs' backslash URL still finds its operation") {
    auto r = nlohmann::json::parse(gpb::api::parse_request(
        "PATCH https://graph.microsoft.com/docs\\api/Security/securityActions/{securityActionId}\nContent-type: application/json\n\n{}"));
    CHECK(r["operation"] == "securityAction.update");
    CHECK(r["parameters"]["securityActionId"] == "");
    CHECK(r["version"] == "");
    CHECK(r["path"] == "/docs/api/Security/securityActions/{securityActionId}");
}

TEST_CASE("each seed's request selects its operation") {
    struct Case {
        const char* file;
        const char* op;
    };
    for (auto c : {Case{"000_79e0a18590ba6f35.txt", "securityConfigurationTask.update"},
                   Case{"001_ec43082713dfce17.txt", "securityConfigurationTask.create"},
                   Case{"002_8c5f0cb97011c803.txt", "securityConfigurationTask.create"},
                   Case{"003_6135de15af08706f.txt", "securityAction.update"}, Case{"004_70f29e99f84360ef.txt", "incidentTask.update"}}) {
        CAPTURE(c.file);
        std::string page = test::read_file(test::seed_path(c.file));
        // The example request starts at the line holding the full URL.
        size_t at = page.find("https://graph.microsoft.com/");
        REQUIRE(at != std::string::npos);
        size_t lineStart = page.rfind('\n', at) + 1;
        size_t end = page.find("\n}", at);
        REQUIRE(end != std::string::npos);
        auto r = nlohmann::json::parse(gpb::api::parse_request(page.substr(lineStart, end + 2 - lineStart)));
        CHECK(r["operation"] == c.op);
        CHECK(nlohmann::json::parse(r["body"].get<std::string>()).is_object());
    }
}

TEST_CASE("a real-looking bearer token is redacted; placeholders are kept") {
    auto redacted = gpb::parse_raw_request("GET /v1.0/me\nAuthorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.abc.def\n");
    REQUIRE(redacted.ok);
    CHECK(redacted.tokenRedacted);
    CHECK(redacted.headers[0].second == "Bearer {token}");
    for (const char* kept : {"Bearer {token}", "Bearer &lt;token&gt; Required.", "Bearer {token}. Required.", "Bearer <token>"}) {
        CAPTURE(kept);
        CHECK(gpb::is_token_placeholder(std::string(kept).substr(0, std::string(kept).find(" Required"))));
    }
    auto json = gpb::api::parse_request("PATCH /beta/security/incidentTasks/1\nAuthorization: Bearer secret-value-123\n\n{}");
    CHECK(json.find("secret-value-123") == std::string::npos);
    CHECK(nlohmann::json::parse(json)["tokenRedacted"] == true);
}

TEST_CASE("text that is not a request says why") {
    auto r = nlohmann::json::parse(gpb::api::parse_request("{\"status\": \"open\"}"));
    CHECK(r["error"]["code"] == "not-a-request");
    CHECK(nlohmann::json::parse(gpb::api::parse_request(""))["error"]["code"] == "not-a-request");
    auto resolved = nlohmann::json::parse(gpb::api::parse_request("DELETE /beta/security/incidentTasks/1"));
    CHECK(resolved["operation"] == "DELETE /security/incidentTasks/{incidentTaskId}");
    auto unknown = nlohmann::json::parse(gpb::api::parse_request("DELETE /beta/security/gadgets/1"));
    CHECK(unknown["operation"].is_null());
    auto encoded = nlohmann::json::parse(gpb::api::parse_request("PATCH /beta/security/incidentTasks/a%20b?x=1\n\n{}"));
    CHECK(encoded["operation"] == "incidentTask.update");
    CHECK(encoded["parameters"]["incidentTaskId"] == "a b");
}
