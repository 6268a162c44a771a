// The string forms of Edm primitives in OData JSON: Guid, Date, TimeOfDay, DateTimeOffset, Duration, Binary.
#pragma once

#include <string>
#include <string_view>

#include "catalog.hpp"

namespace gpb {

// Why a string is not a literal of the primitive (empty when it is, or when the primitive has no
// string form checked here).
std::string edm_format_problem(Primitive primitive, std::string_view value);

// Why a text is not an OData DateTimeOffset (empty when it is one); fix gets a corrected value when
// one is obvious (a missing offset, a space for the T).
std::string datetime_problem(std::string_view value, std::string& fix);

// The inclusive range of an integer primitive; false for the others.
bool integer_range(Primitive primitive, int64_t& min, int64_t& max);

}  // namespace gpb
