// nuanxin's OSM reader: libosmium in, flat arrays out (see nuanxin_osmium.h).
//
// One pass over the file. A node location index (flex_mem: dense or sparse,
// whichever fits the ids) gives every way its node coordinates; a handler then
// keeps the highway ways, the nodes they use, and the points of interest.

#include "nuanxin_osmium.h"

#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/version.hpp>
#include <osmium/visitor.hpp>

#include <cstring>
#include <exception>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

/// Splits newline-separated text into its non-empty lines.
std::vector<std::string> split_lines(const char *text) {
    std::vector<std::string> lines;
    if (text == nullptr) return lines;
    std::istringstream stream{text};
    std::string line;
    while (std::getline(stream, line)) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

/// Interns tag keys and values so every distinct string is stored once.
class StringTable {
public:
    uint32_t intern(const char *text) {
        auto found = index_.find(text);
        if (found != index_.end()) return found->second;
        auto id = static_cast<uint32_t>(start_.size() - 1);
        index_.emplace(text, id);
        for (const char *c = text; *c != '\0'; ++c) bytes_.push_back(*c);
        start_.push_back(bytes_.size());
        return id;
    }
    size_t count() const { return start_.size() - 1; }
    const std::vector<char> &bytes() const { return bytes_; }
    const std::vector<uint64_t> &start() const { return start_; }

private:
    std::unordered_map<std::string, uint32_t> index_;
    std::vector<char> bytes_;
    std::vector<uint64_t> start_{0};
};

/// The arrays a read fills.
struct Arrays {
    std::vector<int64_t> node_id;
    std::vector<double> node_lon, node_lat;
    std::unordered_map<osmium::object_id_type, uint32_t> node_index;

    std::vector<int64_t> way_id;
    std::vector<uint64_t> way_node_start{0};
    std::vector<uint32_t> way_node;
    std::vector<uint64_t> way_tag_start{0};
    std::vector<uint32_t> way_tag;

    std::vector<int64_t> poi_id;
    std::vector<char> poi_type;
    std::vector<double> poi_lon, poi_lat;
    std::vector<uint64_t> poi_tag_start{0};
    std::vector<uint32_t> poi_tag;

    StringTable strings;

    osmium::Box header_box;
};

/// Everything a read produces; owns the memory the C view points into.
struct Result {
    nx_osm_data view{};
    std::string error;
    Arrays arrays;

    bool failed = false;

    /// Points the C view at the arrays (after they stop growing); after a
    /// failure only the message is published and every count stays 0.
    void publish() {
        view.owner = this;
        if (failed) {
            view.error = error.empty() ? "out of memory while reporting an error" : error.c_str();
            return;
        }
        const Arrays &a = arrays;
        if (a.header_box.valid()) {
            view.has_header_box = 1;
            view.header_box[0] = a.header_box.bottom_left().lon();
            view.header_box[1] = a.header_box.bottom_left().lat();
            view.header_box[2] = a.header_box.top_right().lon();
            view.header_box[3] = a.header_box.top_right().lat();
        }
        view.node_count = a.node_id.size();
        view.node_id = a.node_id.data();
        view.node_lon = a.node_lon.data();
        view.node_lat = a.node_lat.data();
        view.way_count = a.way_id.size();
        view.way_id = a.way_id.data();
        view.way_node_start = a.way_node_start.data();
        view.way_node = a.way_node.data();
        view.way_tag_start = a.way_tag_start.data();
        view.way_tag = a.way_tag.data();
        view.poi_count = a.poi_id.size();
        view.poi_id = a.poi_id.data();
        view.poi_type = a.poi_type.data();
        view.poi_lon = a.poi_lon.data();
        view.poi_lat = a.poi_lat.data();
        view.poi_tag_start = a.poi_tag_start.data();
        view.poi_tag = a.poi_tag.data();
        view.string_count = a.strings.count();
        view.string_bytes = a.strings.bytes().data();
        view.string_start = a.strings.start().data();
    }

    /// Records a failure and drops any partial data; never throws.
    void fail(const char *message) noexcept {
        failed = true;
        try {
            error = (message != nullptr && *message != '\0') ? message : "unknown libosmium error";
            arrays = Arrays();
        } catch (...) {
            error.clear();
        }
    }
};

/// Calls `f(key, value)` for each tag of `tags`, reading only inside the
/// tag list's own bytes. libosmium's `TagList` iterator finds each string's end
/// with `strlen` and stops only when it lands exactly on the list's end; a
/// string with an embedded NUL (possible in a damaged or hostile `.pbf`: the
/// string table stores lengths) shifts keys and values by one and the iterator
/// then reads past the buffer (found by nuanxin-fuzz,
/// Tests/Fixtures/fuzz/findings/crash-pbf-seed1-run77). Here every string must end
/// before the list does; the walk stops at the first one that does not, or at
/// the zero padding.
template <typename F>
void for_each_tag(const osmium::TagList &tags, F &&f) {
    const char *p = reinterpret_cast<const char *>(tags.data()) + sizeof(osmium::TagList);
    const char *end = reinterpret_cast<const char *>(tags.data()) + tags.byte_size();
    while (p < end && *p != '\0') {
        const char *key_end = static_cast<const char *>(std::memchr(p, '\0', static_cast<size_t>(end - p)));
        if (key_end == nullptr || key_end + 1 >= end) return;
        const char *value = key_end + 1;
        const char *value_end = static_cast<const char *>(std::memchr(value, '\0', static_cast<size_t>(end - value)));
        if (value_end == nullptr) return;
        if (!f(p, value)) return;
        p = value_end + 1;
    }
}

/// True when `tags` has the key `key` (bounded, see `for_each_tag`).
bool has_tag_key(const osmium::TagList &tags, const char *key) {
    bool found = false;
    for_each_tag(tags, [&](const char *k, const char *) {
        found = std::strcmp(k, key) == 0;
        return !found;
    });
    return found;
}

/// Collects highway ways, their nodes and points of interest.
class Collector : public osmium::handler::Handler {
public:
    Collector(Arrays &out, const char *way_tag_keys, const char *poi_matches, const char *poi_tag_keys)
        : out_(out) {
        for (auto &key : split_lines(way_tag_keys)) way_keys_.insert(key);
        for (auto &key : split_lines(poi_tag_keys)) poi_keys_.insert(key);
        for (auto &pair : split_lines(poi_matches)) {
            auto eq = pair.find('=');
            if (eq == std::string::npos) continue;
            poi_matches_[pair.substr(0, eq)].insert(pair.substr(eq + 1));
        }
    }

    void node(const osmium::Node &node) {
        if (node.tags().empty() || !is_poi(node.tags()) || !node.location().valid()) return;
        add_poi(node.id(), 'n', node.location().lon(), node.location().lat(), node.tags());
    }

    void way(const osmium::Way &way) {
        if (has_tag_key(way.tags(), "highway")) add_road(way);
        if (is_poi(way.tags())) add_way_poi(way);
    }

private:
    Arrays &out_;
    std::unordered_set<std::string> way_keys_, poi_keys_;
    std::unordered_map<std::string, std::unordered_set<std::string>> poi_matches_;

    bool is_poi(const osmium::TagList &tags) const {
        bool match = false;
        for_each_tag(tags, [&](const char *key, const char *value) {
            auto values = poi_matches_.find(key);
            match = values != poi_matches_.end() && values->second.count(value) > 0;
            return !match;
        });
        return match;
    }

    /// Appends the wanted tags of an object as interned key/value pairs.
    void add_tags(const osmium::TagList &tags, const std::unordered_set<std::string> &wanted,
                  std::vector<uint32_t> &pairs, std::vector<uint64_t> &start) {
        for_each_tag(tags, [&](const char *key, const char *value) {
            if (wanted.count(key) == 0) return true;
            pairs.push_back(out_.strings.intern(key));
            pairs.push_back(out_.strings.intern(value));
            return true;
        });
        start.push_back(pairs.size() / 2);
    }

    uint32_t node_index(const osmium::NodeRef &ref) {
        auto found = out_.node_index.find(ref.ref());
        if (found != out_.node_index.end()) return found->second;
        auto index = static_cast<uint32_t>(out_.node_id.size());
        out_.node_index.emplace(ref.ref(), index);
        out_.node_id.push_back(ref.ref());
        out_.node_lon.push_back(ref.location().lon());
        out_.node_lat.push_back(ref.location().lat());
        return index;
    }

    /// Emits every run of two or more located nodes as one road way.
    void add_road(const osmium::Way &way) {
        std::vector<uint32_t> run;
        auto flush = [&]() {
            if (run.size() >= 2) {
                out_.way_id.push_back(way.id());
                out_.way_node.insert(out_.way_node.end(), run.begin(), run.end());
                out_.way_node_start.push_back(out_.way_node.size());
                add_tags(way.tags(), way_keys_, out_.way_tag, out_.way_tag_start);
            }
            run.clear();
        };
        for (const auto &ref : way.nodes()) {
            if (ref.location().valid()) {
                run.push_back(node_index(ref));
            } else {
                flush();
            }
        }
        flush();
    }

    /// Places a way POI at the mean of its located nodes (closing node once).
    void add_way_poi(const osmium::Way &way) {
        const auto &nodes = way.nodes();
        size_t n = nodes.size();
        if (n > 1 && nodes.front().ref() == nodes.back().ref()) --n;
        double lon = 0, lat = 0;
        size_t located = 0;
        for (size_t i = 0; i < n; ++i) {
            const auto &location = nodes[i].location();
            if (!location.valid()) continue;
            lon += location.lon();
            lat += location.lat();
            ++located;
        }
        if (located == 0) return;
        add_poi(way.id(), 'w', lon / located, lat / located, way.tags());
    }

    void add_poi(int64_t id, char type, double lon, double lat, const osmium::TagList &tags) {
        out_.poi_id.push_back(id);
        out_.poi_type.push_back(type);
        out_.poi_lon.push_back(lon);
        out_.poi_lat.push_back(lat);
        add_tags(tags, poi_keys_, out_.poi_tag, out_.poi_tag_start);
    }
};

using LocationIndex = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;

void read_file(Arrays &arrays, const char *path, const char *way_tag_keys, const char *poi_matches,
               const char *poi_tag_keys) {
    osmium::io::File file{path};
    osmium::io::Reader reader{file, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way};
    const osmium::io::Header header = reader.header();  // a copy: boxes() refers into it
    for (const auto &box : header.boxes()) arrays.header_box.extend(box);
    LocationIndex index;
    osmium::handler::NodeLocationsForWays<LocationIndex> locations{index};
    locations.ignore_errors();  // missing nodes leave an invalid location; runs are cut there
    Collector collector{arrays, way_tag_keys, poi_matches, poi_tag_keys};
    osmium::apply(reader, locations, collector);
    reader.close();
}

}  // namespace

extern "C" nx_osm_data *nx_osm_read(const char *path, const char *way_tag_keys, const char *poi_matches,
                                    const char *poi_tag_keys) {
    Result *result = nullptr;
    try {
        result = new Result();
    } catch (...) {
        return nullptr;
    }
    try {
        if (path == nullptr) throw std::invalid_argument("no path given");
        read_file(result->arrays, path, way_tag_keys, poi_matches, poi_tag_keys);
        result->arrays.node_index = {};
    } catch (const std::exception &e) {
        result->fail(e.what());
    } catch (...) {
        result->fail(nullptr);
    }
    result->publish();
    return &result->view;
}

extern "C" void nx_osm_free(nx_osm_data *data) {
    if (data == nullptr) return;
    delete static_cast<Result *>(data->owner);
}

extern "C" const char *nx_osmium_version(void) { return LIBOSMIUM_VERSION_STRING; }
