// The string forms of Edm primitives in OData JSON: Guid, Date, TimeOfDay, Duration, Binary.
#pragma once

#include <string>
#include <string_view>

#include "catalog.hpp"

namespace gpb {

// Why a string is not a literal of the primitive (empty when it is, or when the primitive has no
// string form checked here).
std::string edm_format_problem(Primitive primitive, std::string_view value);

// The inclusive range of an integer primitive; false for the others.
bool integer_range(Primitive primitive, int64_t& min, int64_t& max);

}  // namespace gpb
