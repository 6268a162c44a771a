// Each request and response body printed in the seed pages, checked against its operation.
#include <catch2/catch.hpp>

#include "support.hpp"

using F = std::set<test::Finding>;

namespace {

struct SeedCase {
    const char* file;
    const char* operation;
    F request;
    F response;
};

const F kMissingHash = {{"odata-type-format", "/intendedSettings/0/@odata.type"}};

}  // namespace

TEST_CASE("seed bodies give exactly their expected findings") {
    const F securityActionCommon = {
        {"odata-type-unknown", "/errorInfo/@odata.type"},
        {"missing-required", "/parameters/0"},
        {"odata-type-format", "/parameters/0/@odata.type"},
        {"odata-type-format", "/states/0/@odata.type"},
        {"enum-value", "/states/0/status"},
        {"enum-value", "/status"},
        {"odata-type-format", "/vendorInformation/@odata.type"},
    };
    F securityActionRequest = securityActionCommon;
    for (const char* p : {"/appId", "/azureTenantId", "/completedDateTime", "/errorInfo", "/lastActionDateTime", "/states", "/user"})
        securityActionRequest.emplace("server-assigned", p);

    auto seed = GENERATE_COPY(values<SeedCase>({
        {"000_79e0a18590ba6f35.txt", "securityConfigurationTask.update", kMissingHash, kMissingHash},
        {"001_ec43082713dfce17.txt", "securityConfigurationTask.create", kMissingHash, kMissingHash},
        {"002_8c5f0cb97011c803.txt", "securityConfigurationTask.create", kMissingHash, kMissingHash},
        {"003_6135de15af08706f.txt", "securityAction.update", securityActionRequest, securityActionCommon},
        {"004_70f29e99f84360ef.txt", "incidentTask.update", F{}, F{{"enum-value", "/source"}}},
    }));
    CAPTURE(seed.file);
    std::vector<std::string> bodies = test::page_bodies(test::read_file(test::seed_path(seed.file)));
    REQUIRE(bodies.size() == 2);
    CHECK(test::findings(test::check(seed.operation, bodies[0], false)) == seed.request);
    CHECK(test::findings(test::check(seed.operation, bodies[1], true)) == seed.response);
}

TEST_CASE("seeds 000-002 have no error, only the missing-# warnings") {
    for (const char* file : {"000_79e0a18590ba6f35.txt", "001_ec43082713dfce17.txt", "002_8c5f0cb97011c803.txt"}) {
        CAPTURE(file);
        const char* op = std::string(file).rfind("000", 0) == 0 ? "securityConfigurationTask.update" : "securityConfigurationTask.create";
        auto bodies = test::page_bodies(test::read_file(test::seed_path(file)));
        REQUIRE(bodies.size() == 2);
        CHECK(test::findings_of_severity(test::check(op, bodies[0]), gpb::Severity::Error).empty());
        CHECK(test::findings_of_severity(test::check(op, bodies[1], true), gpb::Severity::Error).empty());
    }
}

TEST_CASE("seed 003's request: each diagnostic at its line and column of the body") {
    auto bodies = test::page_bodies(test::read_file(test::seed_path("003_6135de15af08706f.txt")));
    REQUIRE(bodies.size() == 2);
    auto result = test::check("securityAction.update", bodies[0]);
    struct Where {
        const char* code;
        const char* pointer;
        uint32_t line, column;
    };
    const Where expected[] = {
        {"server-assigned", "/appId", 4, 3},
        {"server-assigned", "/azureTenantId", 5, 3},
        {"server-assigned", "/completedDateTime", 7, 3},
        {"server-assigned", "/errorInfo", 8, 3},
        {"odata-type-unknown", "/errorInfo/@odata.type", 9, 20},
        {"server-assigned", "/lastActionDateTime", 14, 3},
        {"missing-required", "/parameters/0", 17, 5},
        {"odata-type-format", "/parameters/0/@odata.type", 18, 22},
        {"server-assigned", "/states", 22, 3},
        {"odata-type-format", "/states/0/@odata.type", 24, 22},
        {"enum-value", "/states/0/status", 25, 17},
        {"enum-value", "/status", 30, 13},
        {"server-assigned", "/user", 31, 3},
        {"odata-type-format", "/vendorInformation/@odata.type", 33, 20},
    };
    REQUIRE(result.diagnostics.size() == std::size(expected));
    for (size_t i = 0; i < std::size(expected); ++i) {
        CAPTURE(i, expected[i].pointer);
        const gpb::Diagnostic& d = result.diagnostics[i];
        CHECK(d.code == expected[i].code);
        CHECK(d.pointer == expected[i].pointer);
        CHECK(d.line == expected[i].line);
        CHECK(d.column == expected[i].column);
    }
}

TEST_CASE("seed 004's response: the source is not an incidentTaskSource member") {
    auto bodies = test::page_bodies(test::read_file(test::seed_path("004_70f29e99f84360ef.txt")));
    REQUIRE(bodies.size() == 2);
    auto result = test::check("incidentTask.update", bodies[1], true);
    const gpb::Diagnostic* d = test::find(result, "enum-value", "/source");
    REQUIRE(d);
    CHECK(d->line == 9);
    CHECK(d->column == 11);
    CHECK(d->message.find("defenderExpertsXDR") != std::string::npos);
}
