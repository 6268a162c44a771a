// The pack tool makes the packs, so it embeds none.
#include "catalog.hpp"

namespace gpb {
std::string_view embedded_pack(std::string_view) { return {}; }
}  // namespace gpb
