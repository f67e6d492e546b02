#include "nuanxin_osmium.h"
#include <osmium/version.hpp>
extern "C" const char *nx_osmium_version(void) { return LIBOSMIUM_VERSION_STRING; }
