// What the editor offers where the user types (completion) and shows where they point (hover),
// from the operation's model, on JSON that may not parse. Offsets are byte offsets into the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "diagnostics.hpp"
#include "validator.hpp"

namespace gpb {

struct CompletionItem {
    std::string label;    // what the list shows: a member name, an enum member, "#microsoft.graph.x"
    std::string insert;   // the JSON that replaces [from, to): quotes, colon and commas included
    uint32_t cursor = 0;  // where the cursor goes, in bytes into `insert`
    std::string detail;   // the type, e.g. "String" or "Collection(recipient)"
    std::string info;     // one line of description
    std::string kind;     // "property", "enum", "type", "value"
    int section = 1;      // 0 required, 1 settable, 2 set by the service
};

struct Completion {
    uint32_t from = 0, to = 0;
    std::vector<CompletionItem> items;
};

struct HoverInfo {
    bool found = false;
    uint32_t from = 0, to = 0;
    std::string title;  // "status: incidentTaskStatus"
    std::string type;   // the property's type name as the model spells it
    std::string description;
    bool nullable = true, readOnly = false, computed = false, collection = false, flags = false;
    std::vector<std::string> members;  // enum members
    Diagnostics diagnostics;           // the findings at this place (add_hover_findings)
    bool onToken = false;              // the offset is on a key or a value
};

Completion complete_body(const Catalog& catalog, const OperationDef& operation, std::string_view text, uint32_t offset,
                         Direction direction);
// What is at `offset`, without findings: a caller that has checked the text adds them.
HoverInfo hover_body(const Catalog& catalog, const OperationDef& operation, std::string_view text, uint32_t offset, Direction direction);
// The findings of the text's check that touch the hovered token.
void add_hover_findings(HoverInfo& hover, const Diagnostics& findings);

}  // namespace gpb
