#ifndef NUANXIN_OSMIUM_H
#define NUANXIN_OSMIUM_H
/*
 * A small C API over libosmium for nuanxin's OSM import.
 *
 * One call reads an `.osm.pbf`, `.osm` or `.osm.bz2` (`.osm.gz`, `.pbf` too)
 * and returns flat arrays that Swift copies out:
 *   - the highway ways (every way with a `highway` tag), their node references
 *     as indexes into the node arrays, and the tags Swift asked for;
 *   - the nodes those ways use (OSM id, lon, lat in WGS84 degrees);
 *   - points of interest: nodes, and ways by the centroid of their nodes, that
 *     carry one of the key=value pairs Swift asked for, with the tags asked for.
 * Strings (tag keys and values) are interned once in a string table.
 *
 * A way that references nodes missing from the file (a clipped extract) is
 * cut into its runs of present nodes; runs of one node are dropped.
 *
 * Nothing is thrown across this boundary: any failure comes back as a
 * one-line message in `error`. Every result must be released with
 * nx_osm_free().
 */
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// What one nx_osm_read() call found. All arrays stay valid until nx_osm_free().
typedef struct nx_osm_data {
    /// NULL on success, else a one-line message (and every count is 0).
    const char *error;

    /// 1 when the file's header declares a bounding box (the area where an
    /// extract is complete), then `header_box` is min lon, min lat, max lon,
    /// max lat; 0 otherwise. With several boxes, the union of all.
    int has_header_box;
    double header_box[4];

    /// Nodes used by the highway ways, in order of first use.
    size_t node_count;
    const int64_t *node_id;
    const double *node_lon;
    const double *node_lat;

    /// Highway ways (or runs of them, see above), in file order.
    size_t way_count;
    const int64_t *way_id;
    /// `way_count + 1` offsets into `way_node`.
    const uint64_t *way_node_start;
    /// Node indexes (into the node arrays) of every way, one after another.
    const uint32_t *way_node;
    /// `way_count + 1` offsets into `way_tag`, counted in key/value pairs.
    const uint64_t *way_tag_start;
    /// Pairs of string indexes: key, value, key, value, ...
    const uint32_t *way_tag;

    /// Points of interest, in file order (nodes first in a sorted file).
    size_t poi_count;
    const int64_t *poi_id;
    /// 'n' for a node, 'w' for a way (placed at the centroid of its nodes).
    const char *poi_type;
    const double *poi_lon;
    const double *poi_lat;
    /// `poi_count + 1` offsets into `poi_tag`, counted in key/value pairs.
    const uint64_t *poi_tag_start;
    /// Pairs of string indexes: key, value, ...
    const uint32_t *poi_tag;

    /// The string table: string i is the UTF-8 bytes
    /// `string_bytes[string_start[i] ..< string_start[i + 1]]` (no NUL).
    size_t string_count;
    const char *string_bytes;
    const uint64_t *string_start;

    /// Owned storage behind the arrays; opaque to callers.
    void *owner;
} nx_osm_data;

/// Reads the OSM file at `path`.
///
/// - `way_tag_keys`: newline-separated tag keys to keep on highway ways.
/// - `poi_matches`: newline-separated `key=value` pairs; an object carrying
///   any of them is a point of interest.
/// - `poi_tag_keys`: newline-separated tag keys to keep on points of interest.
///
/// Returns NULL only when memory for the result itself cannot be allocated;
/// otherwise check `error`. Free the result with nx_osm_free().
nx_osm_data *nx_osm_read(const char *path, const char *way_tag_keys,
                         const char *poi_matches, const char *poi_tag_keys);

/// Releases everything nx_osm_read() returned. Accepts NULL.
void nx_osm_free(nx_osm_data *data);

/// The libosmium version compiled in, e.g. "2.19.0".
const char *nx_osmium_version(void);

#ifdef __cplusplus
}
#endif
#endif
