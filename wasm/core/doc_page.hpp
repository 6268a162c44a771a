// Reads a Graph API reference page: docs markdown, rendered text, or rendered text with | tables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gpb {

struct DocHeader {
    std::string name, value;
    uint32_t line = 0;
};

struct LayoutProblem {
    uint32_t line = 0;
    std::string message;
    bool warning = false;  // read anyway (a blank line before the headers), not broken
};

struct DocExample {
    enum class Kind { Request, Response };
    Kind kind = Kind::Request;
    uint32_t line = 0;  // the request line or the status line (1-based)
    uint32_t column = 1;
    uint32_t endColumn = 1;
    std::string method, url;  // requests
    uint32_t urlColumn = 1;
    int status = 0;  // responses
    std::string reason;
    std::vector<DocHeader> headers;
    bool hasBody = false;
    std::string body;  // exactly as on the page (CRLF kept)
    uint32_t bodyLine = 0, bodyColumn = 1;
    std::vector<LayoutProblem> layout;
};

struct DocPermission {
    std::string type;                // as the page labels the row
    std::vector<std::string> names;  // empty for "Not supported."
    bool todo = false;
    uint32_t line = 0;
};

struct DocProperty {
    std::string name, type, description;
    bool collection = false;
    std::vector<std::string> members;  // from "Possible values are: ..."
    uint32_t line = 0;
};

struct DocHttpLine {
    std::string method, path;
    uint32_t line = 0;
};

struct DocPage {
    std::string format;  // "markdown", "rendered" or "rendered-table"
    std::string title;
    std::vector<DocHttpLine> httpRequests;
    std::vector<DocPermission> permissions;
    std::vector<DocHeader> requestHeaders;
    std::vector<DocProperty> properties;
    std::vector<DocExample> examples;
};

DocPage read_doc_page(std::string_view text);

// &lt; &gt; &amp; &quot; &#39; and numeric entities.
std::string decode_entities(std::string_view text);

}  // namespace gpb
