// The catalog's JSON documents, generated from wasm/catalog/ at build time.
#pragma once

#include <string_view>
#include <vector>

namespace gpb {
const std::vector<std::string_view>& embedded_catalog_sources();
}
