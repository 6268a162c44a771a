// Round trips: examples validate, responses to them validate, requests count their bytes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "builders.hpp"
#include "support.hpp"

namespace {

const gpb::OperationDef& operation(const std::string& id) {
    const gpb::OperationDef* op = gpb::Catalog::builtin().operation(id);
    REQUIRE(op);
    return *op;
}

}  // namespace

TEST_CASE("examples validate with no error and no warning; responses to them validate as responses") {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    for (const auto& op : catalog.operations()) {
        for (bool full : {false, true}) {
            CAPTURE(op->id, full);
            std::string body = gpb::example_body(*op, full);
            CAPTURE(body);
            auto request = test::check(op->id, body);
            CHECK(request.diagnostics.empty());
            gpb::HttpResponse response = gpb::build_response(catalog, *op, body);
            CAPTURE(response.body);
            auto checked = test::check(op->id, response.body, true);
            CHECK(checked.diagnostics.empty());
            CHECK(response.status == op->responseStatus);
        }
    }
}

TEST_CASE("the full example sends every property a client may set, and nothing else") {
    auto body = nlohmann::json::parse(gpb::example_body(operation("incidentTask.update"), true));
    CHECK(body == nlohmann::json{{"status", "completed"}});
    auto task = nlohmann::json::parse(gpb::example_body(operation("securityConfigurationTask.create"), true));
    CHECK(task["@odata.type"] == "#microsoft.graph.securityConfigurationTask");
    CHECK(task.contains("intendedSettings"));
    CHECK_FALSE(task.contains("id"));
    CHECK_FALSE(task.contains("createdDateTime"));
    CHECK_FALSE(task.contains("managedDevices"));
    auto minimal = nlohmann::json::parse(gpb::example_body(operation("securityConfigurationTask.create"), false));
    CHECK(minimal.size() == 9);  // @odata.type and the eight non-nullable properties a client sets
}

TEST_CASE("request: URL with encoded parameters, the docs' headers, and the body's byte count") {
    const std::string body = "{\"status\": \"completed\", \"note\": \"caf\xC3\xA9 \xF0\x9F\x98\x80\"}\n";
    gpb::HttpRequest r = gpb::build_request(operation("incidentTask.update"), body, {{"incidentTaskId", "a b/c?d"}});
    CHECK(r.method == "PATCH");
    CHECK(r.url == "https://graph.microsoft.com/beta/security/incidentTasks/a%20b%2Fc%3Fd");
    gpb::Headers expected = {
        {"Authorization", "Bearer {token}"}, {"Content-Type", "application/json"}, {"Content-Length", std::to_string(body.size())}};
    CHECK(r.headers == expected);
    CHECK(body.size() == 46);
    CHECK(r.body == body);
    CHECK(r.raw ==
          "PATCH https://graph.microsoft.com/beta/security/incidentTasks/a%20b%2Fc%3Fd\n"
          "Authorization: Bearer {token}\nContent-Type: application/json\nContent-Length: 46\n\n" +
              body);
}

TEST_CASE("request: a parameter left out stays a visible placeholder") {
    gpb::HttpRequest r = gpb::build_request(operation("securityConfigurationTask.update"), "{}", {});
    CHECK(r.url == "https://graph.microsoft.com/beta/deviceAppManagement/deviceAppManagementTasks/{deviceAppManagementTaskId}");
    CHECK(r.headers[1] == std::make_pair(std::string("Accept"), std::string("application/json")));
}

TEST_CASE("response: the request merged onto an existing resource") {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    const std::string request = "{\"status\": \"inProgress\"}";
    gpb::HttpResponse r = gpb::build_response(catalog, operation("incidentTask.update"), request);
    auto body = nlohmann::json::parse(r.body);
    CHECK(body["status"] == "inProgress");
    CHECK(body["@odata.context"] == "https://graph.microsoft.com/beta/$metadata#security/incidentTasks/$entity");
    std::string id = body["id"];
    CHECK(id.size() == 36);
    CHECK(id[14] == '4');
    CHECK(gpb::build_response(catalog, operation("incidentTask.update"), request).body == r.body);  // stable
    CHECK(r.raw.rfind("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: " + std::to_string(r.body.size()) + "\n\n", 0) ==
          0);
}

TEST_CASE("response: members with errors are left out, so the response still validates") {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    auto bodies = test::page_bodies(test::read_file(test::seed_path("003_6135de15af08706f.txt")));
    gpb::HttpResponse r = gpb::build_response(catalog, operation("securityAction.update"), bodies[0]);
    auto body = nlohmann::json::parse(r.body);
    CHECK(body["status"] == "NotStarted");
    CHECK(body["name"] == "Name value");
    CHECK(body["completedDateTime"] != "2017-01-01T00:01:13.9669573+03:00");  // server-assigned: not taken from the request
    CHECK(test::check("securityAction.update", r.body, true).valid());
    gpb::HttpResponse derived = gpb::build_response(catalog, operation("securityConfigurationTask.create"),
                                                    gpb::example_body(operation("securityConfigurationTask.create"), false));
    CHECK(nlohmann::json::parse(derived.body)["@odata.context"] ==
          "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/deviceAppManagementTasks/"
          "microsoft.graph.securityConfigurationTask/$entity");
    CHECK(derived.status == 201);
    CHECK(derived.reason == "Created");
}

TEST_CASE("the string API: JSON in and out, errors as data") {
    auto ops = nlohmann::json::parse(gpb::api::operations());
    REQUIRE(ops.is_array());
    CHECK(ops[0].contains("method"));
    auto unknown = nlohmann::json::parse(gpb::api::validate("nope.update", "{}", false));
    CHECK(unknown["error"]["code"] == "unknown-operation");
    auto validated = nlohmann::json::parse(gpb::api::validate("incidentTask.update", "{\"status\": \"open\"}", false));
    CHECK(validated == nlohmann::json::parse(R"({"operation":"incidentTask.update","direction":"request","valid":true,"diagnostics":[]})"));
    auto described = nlohmann::json::parse(gpb::api::describe("securityConfigurationTask.update"));
    CHECK(described["odataType"] == "#microsoft.graph.securityConfigurationTask");
    CHECK(described["types"].contains("microsoft.graph.keyValuePair"));
    CHECK(described["enums"]["microsoft.graph.deviceAppManagementTaskPriority"]["members"].size() == 3);
    auto bad = nlohmann::json::parse(gpb::api::request("incidentTask.update", "{}", "[1]"));
    CHECK(bad["error"]["code"] == "bad-parameters");
    auto req = nlohmann::json::parse(gpb::api::request("incidentTask.update", "{}", R"({"incidentTaskId": "7"})"));
    CHECK(req["url"] == "https://graph.microsoft.com/beta/security/incidentTasks/7");
    CHECK(req["headers"]["Content-Length"] == "2");
}
