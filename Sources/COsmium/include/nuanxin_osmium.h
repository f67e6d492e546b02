#ifndef NUANXIN_OSMIUM_H
#define NUANXIN_OSMIUM_H
#ifdef __cplusplus
extern "C" {
#endif
/// Placeholder until the importer lands: libosmium's version string.
const char *nx_osmium_version(void);
#ifdef __cplusplus
}
#endif
#endif
