// libFuzzer: the documentation page reader and lint, with every output format.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api.hpp"
#include "catalog.hpp"
#include "doc_lint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    gpb::LintedPage page = gpb::lint_page(gpb::Catalog::builtin(), text, "fuzz.md");
    gpb::lint_json({page});
    gpb::lint_sarif({page});
    gpb::api::lint_page(text, "fuzz.md");
    return 0;
}
