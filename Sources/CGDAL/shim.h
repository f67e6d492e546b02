// GDAL/OGR C API (Debian libgdal-dev, GDAL >= 3.6): datasets, vector layers,
// features, geometries, spatial references and CPL error/encoding helpers.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
