#pragma once
/// A scenario as a graph for people to read: nodes laid out by depth with few crossings
/// (layering, then barycentre ordering), edges coloured by what they do to anger with the
/// scenario's archetype, endings by kind, unreachable nodes and dead ends marked, the best and
/// the worst path highlighted. `defuse graph` writes it as SVG or DOT; the desktop's author
/// view draws the same layout with the same colours.
#include <cstdint>
#include <string>
#include <vector>

#include "defuse/scenario.hpp"

namespace defuse {

struct PathResult;

/// A colour, 0xRRGGBB.
using Rgb = std::uint32_t;

/// Sizes of the layout, in layout units (an SVG pixel; the desktop scales them).
inline constexpr double kGraphNodeWidth = 180;
inline constexpr double kGraphNodeHeight = 48;
inline constexpr double kGraphColumnGap = 40;
inline constexpr double kGraphLayerGap = 90;

struct GraphNode {
    std::string id;
    bool isEnding = false;
    EndingKind kind = EndingKind::Resolved;  ///< endings
    int layer = 0;                           ///< depth from the start (endings: the last layer)
    double x = 0, y = 0;                     ///< top-left corner
    bool start = false;
    bool unreachable = false;  ///< not reachable from the start
    bool deadEnd = false;      ///< no ending reachable from it
    bool onBest = false, onWorst = false;
    Rgb fill = 0xFFFFFF, border = 0x333333;
};

/// What an answer does to anger with the archetype: its mean change in the random runs that
/// take it (order rules, cues and the mood as they happen in a run); for an answer no run
/// took, from the start mood with nothing before.
enum class AngerEffect { Calms, Neutral, Angers };

struct GraphPoint {
    double x = 0, y = 0;
};

struct GraphEdge {
    int from = 0, to = 0;  ///< indexes into GraphLayout::nodes
    std::string answer;    ///< the answer id
    int anger = 0;         ///< its anger change (the mean over `runs`, rounded)
    int runs = 0;          ///< random runs that took it (0: from the start mood alone)
    AngerEffect effect = AngerEffect::Neutral;
    bool back = false;  ///< goes to the same or an earlier layer (a loop)
    bool onBest = false, onWorst = false;
    Rgb colour = 0x888888;
    std::vector<GraphPoint> points;  ///< from the source's bottom to the target's top
};

struct GraphLayout {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    double width = 0, height = 0;
    int layers = 0;
    int crossings = 0;                       ///< crossings between forward edges of adjacent layers
    int index(const std::string& id) const;  ///< the node's index, or -1
};

/// The colours, shared by every front end that draws the graph.
Rgb angerColour(AngerEffect e);
Rgb endingColour(EndingKind k);
inline constexpr Rgb kGraphNodeFill = 0xEAF2FB, kGraphNodeBorder = 0x2F4B6E;
inline constexpr Rgb kGraphUnreachableFill = 0xE4E4E4, kGraphUnreachableBorder = 0x9A9A9A;
inline constexpr Rgb kGraphDeadEndBorder = 0xE07B00;
inline constexpr Rgb kGraphBestColour = 0x1F6FEB, kGraphWorstColour = 0xB0127A;

/// Lays the scenario out. `best` and `worst` (from analyze(), with its seed) are highlighted
/// when given.
GraphLayout layoutGraph(const Scenario& sc, const PathResult* best = nullptr,
                        const PathResult* worst = nullptr, std::uint64_t seed = 1);

/// The crossings between edges drawn between adjacent layers in the order given (for tests).
int countCrossings(const std::vector<std::vector<int>>& order,
                   const std::vector<std::pair<int, int>>& edges, const std::vector<int>& layerOf);

}  // namespace defuse
