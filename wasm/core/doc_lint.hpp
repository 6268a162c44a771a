// Lints a documentation page: its examples against the models, and the page against the catalog.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "diagnostics.hpp"
#include "doc_page.hpp"

namespace gpb {

struct LintedExample {
    DocExample::Kind kind = DocExample::Kind::Request;
    uint32_t line = 0;
    std::string method, url, path;
    int status = 0;
    std::string body;
    std::string operation;    // empty when none
    std::string type;         // the type the body was checked against; empty when not checked
    std::string modelSource;  // "catalog", "page" or empty
    Diagnostics diagnostics;  // in page coordinates
};

struct LintedPage {
    std::string path;
    DocPage page;
    Diagnostics diagnostics;  // page-level findings
    std::vector<LintedExample> examples;
    std::string derivedModel;  // a catalog entry derived from the page, when the catalog lacks the operation

    bool has_error() const;
};

LintedPage lint_page(const Catalog& catalog, std::string_view text, const std::string& path);

std::string lint_json(const std::vector<LintedPage>& pages);
// One page for the browser: lint_json's page object, with each example's url and body as well.
std::string lint_page_json(const LintedPage& page);
std::string lint_sarif(const std::vector<LintedPage>& pages);

}  // namespace gpb
