// METHOD + URL -> operation, across both Graph versions: what each resolves to, and why not.
#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

struct Row {
    const char* version;
    const char* method;
    const char* url;
    const char* path;          // the operation's path template
    const char* bodyKind;      // entity | parameters | reference | binary | none
    const char* bodyType;      // "" for none
    int status;                // the expected status
    const char* shape;         // entity | collection | value | none | binary | count
    const char* responseType;  // "" for none
};

const Row kRows[] = {
    // entity sets and keys
    {"v1.0", "GET", "/users", "/users", "none", "", 200, "collection", "microsoft.graph.user"},
    {"v1.0", "POST", "https://graph.microsoft.com/v1.0/users", "/users", "entity", "microsoft.graph.user", 201, "entity",
     "microsoft.graph.user"},
    {"v1.0", "GET", "/users/42", "/users/{userId}", "none", "", 200, "entity", "microsoft.graph.user"},
    {"v1.0", "PATCH", "/users/42", "/users/{userId}", "entity", "microsoft.graph.user", 200, "entity", "microsoft.graph.user"},
    {"v1.0", "PUT", "/users/42", "/users/{userId}", "entity", "microsoft.graph.user", 200, "entity", "microsoft.graph.user"},
    {"v1.0", "DELETE", "/users/42", "/users/{userId}", "none", "", 204, "none", ""},
    {"v1.0", "GET", "/users('a@contoso.com')", "/users/{userId}", "none", "", 200, "entity", "microsoft.graph.user"},
    {"v1.0", "GET", "/Users/{id}?$select=displayName", "/users/{userId}", "none", "", 200, "entity", "microsoft.graph.user"},
    // singletons
    {"v1.0", "GET", "/me", "/me", "none", "", 200, "entity", "microsoft.graph.user"},
    {"v1.0", "PATCH", "/me", "/me", "entity", "microsoft.graph.user", 200, "entity", "microsoft.graph.user"},
    // containment, three deep and more
    {"v1.0", "GET", "/me/mailFolders/inbox/messages/abc", "/me/mailFolders/{mailFolderId}/messages/{messageId}", "none", "", 200, "entity",
     "microsoft.graph.message"},
    {"v1.0", "GET", "/teams/1/channels/2/messages/3/replies", "/teams/{teamId}/channels/{channelId}/messages/{chatMessageId}/replies",
     "none", "", 200, "collection", "microsoft.graph.chatMessage"},
    {"v1.0", "POST", "/teams/1/channels/2/members", "/teams/{teamId}/channels/{channelId}/members", "entity",
     "microsoft.graph.conversationMember", 201, "entity", "microsoft.graph.conversationMember"},
    {"v1.0", "POST", "/security/cases/ediscoveryCases/1/custodians", "/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians",
     "entity", "microsoft.graph.security.ediscoveryCustodian", 201, "entity", "microsoft.graph.security.ediscoveryCustodian"},
    {"v1.0", "POST", "/identity/conditionalAccess/policies", "/identity/conditionalAccess/policies", "entity",
     "microsoft.graph.conditionalAccessPolicy", 201, "entity", "microsoft.graph.conditionalAccessPolicy"},
    {"v1.0", "GET", "/me/drive/items/1/children", "/me/drive/items/{driveItemId}/children", "none", "", 200, "collection",
     "microsoft.graph.driveItem"},
    {"v1.0", "POST", "/sites/1/lists/2/items", "/sites/{siteId}/lists/{listId}/items", "entity", "microsoft.graph.listItem", 201, "entity",
     "microsoft.graph.listItem"},
    {"v1.0", "PATCH", "/security/incidents/42", "/security/incidents/{incidentId}", "entity", "microsoft.graph.security.incident", 200,
     "entity", "microsoft.graph.security.incident"},
    // navigation that is not contained
    {"v1.0", "GET", "/users/42/memberOf", "/users/{userId}/memberOf", "none", "", 200, "collection", "microsoft.graph.directoryObject"},
    // type casts
    {"v1.0", "GET", "/groups/42/members/microsoft.graph.user", "/groups/{groupId}/members/microsoft.graph.user", "none", "", 200,
     "collection", "microsoft.graph.user"},
    {"beta", "GET", "/deviceAppManagement/deviceAppManagementTasks/1/microsoft.graph.securityConfigurationTask",
     "/deviceAppManagement/deviceAppManagementTasks/{deviceAppManagementTaskId}/microsoft.graph.securityConfigurationTask", "none", "", 200,
     "entity", "microsoft.graph.securityConfigurationTask"},
    {"beta", "GET", "/deviceAppManagement/deviceAppManagementTasks/microsoft.graph.appVulnerabilityTask",
     "/deviceAppManagement/deviceAppManagementTasks/microsoft.graph.appVulnerabilityTask", "none", "", 200, "collection",
     "microsoft.graph.appVulnerabilityTask"},
    // $ref, $value, $count
    {"v1.0", "POST", "/groups/42/members/$ref", "/groups/{groupId}/members/$ref", "reference", "", 204, "none", ""},
    {"v1.0", "DELETE", "/groups/42/members/7/$ref", "/groups/{groupId}/members/{directoryObjectId}/$ref", "none", "", 204, "none", ""},
    {"v1.0", "GET", "/users/$count", "/users/$count", "none", "", 200, "count", ""},
    {"v1.0", "GET", "/groups/1/members/microsoft.graph.group/$count", "/groups/{groupId}/members/microsoft.graph.group/$count", "none", "",
     200, "count", ""},
    {"v1.0", "GET", "/me/photo/$value", "/me/photo/$value", "none", "", 200, "binary", ""},
    {"v1.0", "PUT", "/me/photo/$value", "/me/photo/$value", "binary", "", 204, "none", ""},
    // bound actions (with and without a return type, qualified or not) and functions
    {"v1.0", "POST", "/me/sendMail", "/me/sendMail", "parameters", "microsoft.graph.sendMail parameters", 204, "none", ""},
    {"v1.0", "POST", "/me/messages/abc/microsoft.graph.forward", "/me/messages/{messageId}/forward", "parameters",
     "microsoft.graph.forward parameters", 204, "none", ""},
    {"v1.0", "POST", "/applications/1/addPassword", "/applications/{applicationId}/addPassword", "parameters",
     "microsoft.graph.addPassword parameters", 200, "entity", "microsoft.graph.passwordCredential"},
    {"v1.0", "POST", "/users/1/getMemberGroups", "/users/{userId}/getMemberGroups", "parameters",
     "microsoft.graph.getMemberGroups parameters", 200, "collection", "Edm.String"},
    {"v1.0", "POST", "/users/1/assignLicense", "/users/{userId}/assignLicense", "parameters", "microsoft.graph.assignLicense parameters",
     200, "entity", "microsoft.graph.user"},
    {"v1.0", "GET", "/users/delta()", "/users/delta()", "none", "", 200, "collection", "microsoft.graph.user"},
    {"v1.0", "GET", "/reports/getEmailActivityUserDetail(period='D7')", "/reports/getEmailActivityUserDetail(...)", "none", "", 200,
     "value", "Edm.Stream"},
    {"beta", "POST", "/deviceAppManagement/deviceAppManagementTasks/1/updateStatus",
     "/deviceAppManagement/deviceAppManagementTasks/{deviceAppManagementTaskId}/updateStatus", "parameters",
     "microsoft.graph.updateStatus parameters", 204, "none", ""},
    {"beta", "POST", "/security/securityActions/1/cancelSecurityAction",
     "/security/securityActions/{securityActionId}/cancelSecurityAction", "none", "", 204, "none", ""},
    {"beta", "POST", "/security/incidentTasks/1/executeResponseAction",
     "/security/incidentTasks/{incidentTaskId}/microsoft.graph.security.executeResponseAction", "none", "", 204, "none", ""},
    // beta entity sets under singletons
    {"beta", "GET", "/security/securityActions", "/security/securityActions", "none", "", 200, "collection",
     "microsoft.graph.securityAction"},
    {"beta", "POST", "/security/securityActions", "/security/securityActions", "entity", "microsoft.graph.securityAction", 201, "entity",
     "microsoft.graph.securityAction"},
    {"beta", "GET", "/security/incidentTasks/1", "/security/incidentTasks/{incidentTaskId}", "none", "", 200, "entity",
     "microsoft.graph.security.incidentTask"},
    {"beta", "GET", "/security/incidentTasks", "/security/incidentTasks", "none", "", 200, "collection",
     "microsoft.graph.security.incidentTask"},
    {"beta", "POST", "/deviceAppManagement/deviceAppManagementTasks", "/deviceAppManagement/deviceAppManagementTasks", "entity",
     "microsoft.graph.deviceAppManagementTask", 201, "entity", "microsoft.graph.deviceAppManagementTask"},
    {"beta", "GET", "/deviceAppManagement/deviceAppManagementTasks/{id}",
     "/deviceAppManagement/deviceAppManagementTasks/{deviceAppManagementTaskId}", "none", "", 200, "entity",
     "microsoft.graph.deviceAppManagementTask"},
    {"beta", "PATCH", "/security/incidents/1", "/security/incidents/{incidentId}", "entity", "microsoft.graph.security.incident", 200,
     "entity", "microsoft.graph.security.incident"},
    {"beta", "GET", "https://graph.microsoft.com/beta/me/messages", "/me/messages", "none", "", 200, "collection",
     "microsoft.graph.message"},
};

}  // namespace

TEST_CASE("METHOD + URL resolves by the OData URL conventions") {
    REQUIRE(std::size(kRows) >= 40);
    for (const Row& row : kRows) {
        CAPTURE(row.version, row.method, row.url);
        gpb::Resolution r = test::graph(row.version).resolve(row.method, row.url);
        CAPTURE(r.problem);
        REQUIRE(r.operation);
        const gpb::OperationDef& op = *r.operation;
        CHECK(op.path == row.path);
        CHECK(op.bodyKind == row.bodyKind);
        CHECK((op.bodyType ? op.bodyType->name : std::string()) == row.bodyType);
        CHECK(op.responseStatus == row.status);
        CHECK(op.responseShape == row.shape);
        CHECK(op.responseTypeName == row.responseType);
        CHECK(op.version == row.version);
    }
}

TEST_CASE("a URL that resolves to nothing names the segment and the reason") {
    const gpb::Catalog& v1 = test::graph("v1.0");
    gpb::Resolution unknown = v1.resolve("GET", "/users/1/foo");
    CHECK(unknown.operation == nullptr);
    CHECK(unknown.segment == "foo");
    CHECK(unknown.problem == "\"foo\" is not a property, navigation property, action or function of user.");
    gpb::Resolution root = v1.resolve("GET", "/gadgets");
    CHECK(root.segment == "gadgets");
    CHECK(root.problem == "\"gadgets\" is not an entity set, singleton or operation of v1.0.");
    CHECK(v1.resolve("PATCH", "/users").problem == "PATCH does not apply to a collection (/users): use GET to list or POST to create.");
    CHECK(v1.resolve("POST", "/users/1").problem.find("POST does not apply to a single user") == 0);
    CHECK(v1.resolve("GET", "/me/sendMail").problem == "sendMail is an action: call it with POST.");
    CHECK(v1.resolve("FETCH", "/users").problem.find("is not an HTTP method") != std::string::npos);
    CHECK(v1.resolve("GET", "").problem == "The URL has no resource path after the version.");
}

TEST_CASE("the same METHOD and path template is one operation, with the key values as parameters") {
    const gpb::Catalog& v1 = test::graph("v1.0");
    gpb::Resolution a = v1.resolve("PATCH", "/users/1"), b = v1.resolve("PATCH", "/users/2");
    REQUIRE(a.operation);
    CHECK(a.operation == b.operation);
    CHECK(a.operation->id == "PATCH /users/{userId}");
    REQUIRE(b.parameters.size() == 1);
    CHECK(b.parameters[0] == std::make_pair(std::string("userId"), std::string("2")));
    CHECK(v1.resolve("GET", "/users/a%20b").parameters[0].second == "a b");
}

TEST_CASE("an overloaded bound action picks the overload bound to the addressed type") {
    // "reply" is bound to message and to post (v1.0); the message's overload takes a comment and a message.
    const gpb::Catalog& v1 = test::graph("v1.0");
    const gpb::OperationDef* onMessage = v1.resolve("POST", "/me/messages/1/reply").operation;
    const gpb::OperationDef* onPost = v1.resolve("POST", "/groups/1/threads/2/posts/3/reply").operation;
    REQUIRE(onMessage);
    REQUIRE(onPost);
    CHECK(onMessage->action->bindingType->name == "microsoft.graph.message");
    CHECK(onPost->action->bindingType->name == "microsoft.graph.post");
    CHECK(onMessage->bodyType->property("message"));
    CHECK(onPost->bodyType->property("post"));
}

TEST_CASE("permissions come from the permissions reference, least privileged first, or are said to be missing") {
    const gpb::OperationDef* patch = test::graph("v1.0").resolve("PATCH", "/security/incidents/1").operation;
    REQUIRE(patch);
    CHECK(patch->permissionsSource == "reference");
    CHECK(patch->permissionsDelegatedWork == std::vector<std::string>{"SecurityIncident.ReadWrite.All"});
    CHECK(patch->permissionsApplication == std::vector<std::string>{"SecurityIncident.ReadWrite.All"});
    const gpb::OperationDef* messages = test::graph("v1.0").resolve("GET", "/me/messages").operation;
    REQUIRE(messages);
    REQUIRE_FALSE(messages->permissionsDelegatedWork.empty());
    CHECK(messages->permissionsDelegatedWork.front() == "Mail.ReadBasic");
    const gpb::OperationDef* unlisted =
        test::graph("beta")
            .resolve("GET", "/deviceAppManagement/deviceAppManagementTasks/1/microsoft.graph.securityConfigurationTask")
            .operation;
    REQUIRE(unlisted);
    CHECK(unlisted->permissionsSource.empty());
    CHECK(unlisted->permissionsDelegatedWork.empty());
}

namespace {

std::set<test::Finding> check_graph(const std::string& version, const std::string& method, const std::string& url, const std::string& body,
                                    bool response = false) {
    const gpb::Catalog& model = test::graph(version);
    gpb::Resolution r = model.resolve(method, url);
    REQUIRE(r.operation);
    return test::findings(gpb::validate_body(model, *r.operation, body, response ? gpb::Direction::Response : gpb::Direction::Request));
}

}  // namespace

TEST_CASE("derived types posted to a base-typed collection are checked as what they name") {
    using F = std::set<test::Finding>;
    const std::string tasks = "/deviceAppManagement/deviceAppManagementTasks";
    // Real derived types of deviceAppManagementTask, and the base type naming itself: no false errors.
    CHECK(check_graph("beta", "POST", tasks, R"({"@odata.type": "#microsoft.graph.appVulnerabilityTask", "displayName": "Update",
        "dueDateTime": "2026-12-31T17:00:00Z", "category": "advancedThreatProtection", "priority": "high", "status": "pending",
        "appName": "Contoso", "appPublisher": "Contoso", "appVersion": "1.2", "managedDeviceCount": 3, "mitigationType": "update",
        "mobileAppCount": 1, "remediation": "Upgrade"})") == F{});
    CHECK(check_graph("beta", "POST", tasks, R"({"@odata.type": "#microsoft.graph.unmanagedDeviceDiscoveryTask", "displayName": "x",
        "dueDateTime": "2026-12-31T17:00:00Z", "category": "unknown", "priority": "low", "status": "pending",
        "unmanagedDevices": [{"deviceName": "pc1", "lastSeenDateTime": "2026-01-01T00:00:00Z"}]})") == F{});
    CHECK(check_graph("beta", "POST", tasks, R"({"@odata.type": "#microsoft.graph.deviceAppManagementTask", "displayName": "x"})") == F{});
    // A property of a derived type without naming it; a type from another hierarchy.
    CHECK(check_graph("beta", "POST", tasks, R"({"appName": "x"})") == F{{"unknown-property", "/appName"}});
    CHECK(check_graph("beta", "POST", tasks, R"({"@odata.type": "#microsoft.graph.user"})") == F{{"odata-type-mismatch", "/@odata.type"}});
    // The curated create of a securityConfigurationTask: a sibling is named as such, and checked as itself.
    gpb::ValidationResult sibling =
        test::check("securityConfigurationTask.update", R"({"@odata.type": "#microsoft.graph.appVulnerabilityTask", "appName": "x"})");
    const gpb::Diagnostic* mismatch = test::find(sibling, "odata-type-mismatch", "/@odata.type");
    REQUIRE(mismatch);
    CHECK(mismatch->message ==
          "\"#microsoft.graph.appVulnerabilityTask\" is not securityConfigurationTask or a type derived from it "
          "(appVulnerabilityTask and securityConfigurationTask both derive from deviceAppManagementTask, but neither "
          "from the other). Allowed here: #microsoft.graph.securityConfigurationTask.");
    CHECK(test::findings(sibling) == F{{"odata-type-mismatch", "/@odata.type"}});
}

TEST_CASE("v1.0 security incident update and the updateStatus action, as the docs write them") {
    using F = std::set<test::Finding>;
    CHECK(check_graph("v1.0", "PATCH", "https://graph.microsoft.com/v1.0/security/incidents/2972395",
                      R"({"classification": "truePositive", "determination": "multiStagedAttack", "customTags": ["Demo"]})") == F{});
    CHECK(check_graph("beta", "POST", "/deviceAppManagement/deviceAppManagementTasks/1/updateStatus",
                      R"({"status": "completed", "note": "done"})") == F{});
    const gpb::OperationDef* updateStatus =
        test::graph("beta").resolve("POST", "/deviceAppManagement/deviceAppManagementTasks/1/updateStatus").operation;
    REQUIRE(updateStatus);
    CHECK(updateStatus->responseStatus == 204);
    CHECK(updateStatus->statuses == std::vector<int>{204, 200, 202});
    // An open type wrapped in {"value": ...} is still the envelope error, and the inner object is still checked.
    CHECK(check_graph("beta", "GET", "/security/securityActions/1", R"({"value": [{"status": "Done", "custom": 1}]})", true) ==
          F{{"value-envelope", "/value"}, {"enum-value", "/value/0/status"}});
}

TEST_CASE("Capabilities restrictions on a navigation property are said as a caveat") {
    const gpb::OperationDef* create = test::graph("v1.0").resolve("POST", "/me/authentication/fido2Methods").operation;
    REQUIRE(create);
    REQUIRE(create->caveats.size() == 1);
    CHECK(create->caveats[0] == "The metadata says fido2Methods does not accept inserts (Capabilities.InsertRestrictions).");
    const gpb::OperationDef* list = test::graph("v1.0").resolve("GET", "/me/authentication/fido2Methods").operation;
    REQUIRE(list);
    CHECK(list->caveats.empty());
}
