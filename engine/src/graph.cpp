// The scenario as a graph: layering by depth, barycentre ordering, coordinates, marks.
#include "defuse/graph.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>

#include "defuse/analysis.hpp"
#include "defuse/attempt.hpp"
#include "defuse/compiled.hpp"
#include "defuse/mood_step.hpp"

namespace defuse {

namespace {

// A light version of a colour (mixed with white) for fills.
Rgb light(Rgb c, double keep) {
    auto ch = [&](int shift) {
        double v = (c >> shift) & 0xFF;
        return static_cast<Rgb>(v * keep + 255 * (1 - keep) + 0.5) << shift;
    };
    return ch(16) | ch(8) | ch(0);
}

constexpr double kDummyWidth = 16;

struct Vertex {
    int layer = 0;
    double width = kGraphNodeWidth;
    bool dummy = false;
    std::vector<int> up, down;  // neighbours in the layers above and below
};

// Positions of each vertex within its layer.
std::vector<int> positions(const std::vector<std::vector<int>>& order, std::size_t count) {
    std::vector<int> pos(count, 0);
    for (const auto& layer : order)
        for (std::size_t i = 0; i < layer.size(); ++i) pos[static_cast<std::size_t>(layer[i])] = i;
    return pos;
}

// Reorders `order[l]` by the mean position of each vertex's neighbours (`up` or `down`).
void sweep(std::vector<std::vector<int>>& order, const std::vector<Vertex>& v, std::size_t l,
           bool useUp) {
    auto pos = positions(order, v.size());
    std::vector<std::pair<double, int>> keyed;
    for (std::size_t i = 0; i < order[l].size(); ++i) {
        int x = order[l][i];
        const auto& nb =
            useUp ? v[static_cast<std::size_t>(x)].up : v[static_cast<std::size_t>(x)].down;
        double key = static_cast<double>(i);
        if (!nb.empty()) {
            double sum = 0;
            for (int n : nb) sum += pos[static_cast<std::size_t>(n)];
            key = sum / static_cast<double>(nb.size());
        }
        keyed.push_back({key, x});
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) order[l][i] = keyed[i].second;
}

int crossingsOf(const std::vector<std::vector<int>>& order, const std::vector<Vertex>& v) {
    auto pos = positions(order, v.size());
    int total = 0;
    for (std::size_t l = 0; l + 1 < order.size(); ++l) {
        std::vector<std::pair<int, int>> e;
        for (int a : order[l])
            for (int b : v[static_cast<std::size_t>(a)].down)
                e.push_back({pos[static_cast<std::size_t>(a)], pos[static_cast<std::size_t>(b)]});
        std::sort(e.begin(), e.end());
        for (std::size_t i = 0; i < e.size(); ++i)
            for (std::size_t j = i + 1; j < e.size(); ++j)
                if (e[i].first < e[j].first && e[i].second > e[j].second) ++total;
    }
    return total;
}

}  // namespace

Rgb angerColour(AngerEffect e) {
    switch (e) {
        case AngerEffect::Calms:
            return 0x2E9E44;
        case AngerEffect::Angers:
            return 0xD1242F;
        default:
            return 0x8C8C8C;
    }
}

Rgb endingColour(EndingKind k) {
    switch (k) {
        case EndingKind::Resolved:
            return 0x2E9E44;
        case EndingKind::Partial:
            return 0xC99A06;
        case EndingKind::Escalated:
            return 0x8250DF;
        default:
            return 0xD1242F;
    }
}

int GraphLayout::index(const std::string& id) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

int countCrossings(const std::vector<std::vector<int>>& order,
                   const std::vector<std::pair<int, int>>& edges, const std::vector<int>& layerOf) {
    std::vector<Vertex> v(layerOf.size());
    for (auto [a, b] : edges)
        if (layerOf[static_cast<std::size_t>(b)] == layerOf[static_cast<std::size_t>(a)] + 1)
            v[static_cast<std::size_t>(a)].down.push_back(b);
    return crossingsOf(order, v);
}

namespace {

/// Each answer's anger change summed over the random runs that take it, and how many did: the
/// compiled form plays 1,000 runs of up to 60 answers, so order rules, cues and the mood act as
/// they do in a run. By compiled node index, then answer index.
std::vector<std::vector<std::pair<double, int>>> angerInRuns(const CompiledScenario& cs,
                                                             std::uint64_t seed) {
    std::vector<std::vector<std::pair<double, int>>> out(cs.nodeCount());
    for (std::size_t n = 0; n < cs.nodeCount(); ++n)
        out[n].assign(cs.scenario().nodes[n].answers.size(), {0.0, 0});
    std::uint64_t rng = seed * 0x9E3779B97F4A7C15ull + 3;
    std::vector<int> shown;
    for (int run = 0; run < 1000; ++run) {
        rng = splitmix64(rng);
        const std::uint64_t order = rng;
        RunState s = cs.start();
        while (!s.finished() && s.turns < 60) {
            cs.offered(s, order, shown);
            if (shown.empty()) break;
            rng = splitmix64(rng);
            const int answer = shown[rng % shown.size()];
            const auto node = static_cast<std::size_t>(s.at);
            const CompiledTurn t = cs.play(s, answer, 0, 0, false);
            auto& cell = out[node][static_cast<std::size_t>(answer)];
            cell.first += t.after.anger() - t.before.anger();
            ++cell.second;
        }
    }
    return out;
}

}  // namespace

GraphLayout layoutGraph(const Scenario& sc, const PathResult* best, const PathResult* worst,
                        std::uint64_t seed) {
    GraphLayout g;
    const std::size_t nn = sc.nodes.size();
    for (const auto& n : sc.nodes) {
        GraphNode x;
        x.id = n.id;
        x.start = n.id == sc.start;
        g.nodes.push_back(x);
    }
    for (const auto& e : sc.endings) {
        GraphNode x;
        x.id = e.id;
        x.isEnding = true;
        x.kind = e.kind;
        g.nodes.push_back(x);
    }
    // The layers: depth from the start; nodes it never reaches from their own first one.
    std::vector<int> layer(g.nodes.size(), -1);
    auto bfs = [&](std::size_t root, int base) {
        std::deque<std::size_t> todo{root};
        layer[root] = base;
        while (!todo.empty()) {
            std::size_t u = todo.front();
            todo.pop_front();
            for (const auto& a : sc.nodes[u].answers) {
                int t = g.index(a.next);
                if (t < 0 || static_cast<std::size_t>(t) >= nn ||
                    layer[static_cast<std::size_t>(t)] >= 0)
                    continue;
                layer[static_cast<std::size_t>(t)] = layer[u] + 1;
                todo.push_back(static_cast<std::size_t>(t));
            }
        }
    };
    std::vector<bool> reached(nn, false);
    if (int s = g.index(sc.start); s >= 0 && static_cast<std::size_t>(s) < nn)
        bfs(static_cast<std::size_t>(s), 0);
    for (std::size_t i = 0; i < nn; ++i) reached[i] = layer[i] >= 0;
    for (std::size_t i = 0; i < nn; ++i)
        if (layer[i] < 0) bfs(i, 0);
    int last = 0;
    for (std::size_t i = 0; i < nn; ++i) last = std::max(last, layer[i] + 1);
    for (std::size_t i = nn; i < g.nodes.size(); ++i) layer[i] = last;
    g.layers = last + 1;

    // Marks: unreachable, dead ends (no ending reachable), colours of edges.
    std::vector<std::vector<int>> preds(g.nodes.size());
    for (std::size_t u = 0; u < nn; ++u)
        for (const auto& a : sc.nodes[u].answers)
            if (int t = g.index(a.next); t >= 0)
                preds[static_cast<std::size_t>(t)].push_back(static_cast<int>(u));
    std::vector<bool> canEnd(g.nodes.size(), false);
    std::deque<std::size_t> todo;
    for (std::size_t i = nn; i < g.nodes.size(); ++i) {
        canEnd[i] = true;
        todo.push_back(i);
    }
    while (!todo.empty()) {
        std::size_t u = todo.front();
        todo.pop_front();
        for (int p : preds[u])
            if (!canEnd[static_cast<std::size_t>(p)]) {
                canEnd[static_cast<std::size_t>(p)] = true;
                todo.push_back(static_cast<std::size_t>(p));
            }
    }
    // Endings are reached when a reached node leads to them.
    std::vector<bool> endReached(g.nodes.size(), false);
    for (std::size_t u = 0; u < nn; ++u)
        if (reached[u])
            for (const auto& a : sc.nodes[u].answers)
                if (int t = g.index(a.next); t >= 0) endReached[static_cast<std::size_t>(t)] = true;
    for (const std::string& r : {sc.onEscalate, sc.onWalkOut})
        if (int t = g.index(r); t >= 0) endReached[static_cast<std::size_t>(t)] = true;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        GraphNode& x = g.nodes[i];
        x.layer = layer[i];
        x.unreachable = i < nn ? !reached[i] : !endReached[i];
        x.deadEnd = i < nn && !canEnd[i];
        if (x.isEnding) {
            x.fill = light(endingColour(x.kind), 0.25);
            x.border = endingColour(x.kind);
        } else {
            x.fill = kGraphNodeFill;
            x.border = kGraphNodeBorder;
        }
        if (x.unreachable) {
            x.fill = kGraphUnreachableFill;
            x.border = kGraphUnreachableBorder;
        }
        if (x.deadEnd) x.border = kGraphDeadEndBorder;
    }
    const CompiledScenario cs(std::make_shared<Scenario>(sc));
    const auto inRuns = angerInRuns(cs, seed);
    for (std::size_t u = 0; u < nn; ++u) {
        const Node& n = sc.nodes[u];
        const int cn = cs.nodeIndex(n.id);
        for (const auto& a : n.answers) {
            int t = g.index(a.next);
            if (t < 0) continue;
            GraphEdge e;
            e.from = static_cast<int>(u);
            e.to = t;
            e.answer = a.id;
            const int ca = cn < 0 ? -1 : cs.answerIndex(cn, a.id);
            const auto cell =
                ca < 0 ? std::pair<double, int>{0.0, 0}
                       : inRuns[static_cast<std::size_t>(cn)][static_cast<std::size_t>(ca)];
            e.runs = cell.second;
            if (cell.second > 0) {
                e.anger = static_cast<int>(std::lround(cell.first / cell.second));
            } else {  // no run took it: from the start mood, nothing before
                MoodStep step = moodStep(sc, History{}, n, a, sc.customer.start, 0, false);
                e.anger = step.after.anger() - sc.customer.start.anger();
            }
            e.effect = e.anger < 0 ? AngerEffect::Calms
                                   : (e.anger > 0 ? AngerEffect::Angers : AngerEffect::Neutral);
            e.colour = angerColour(e.effect);
            e.back = layer[static_cast<std::size_t>(t)] <= layer[u];
            g.edges.push_back(std::move(e));
        }
    }
    // The best and worst paths, played again with the analysis seed.
    auto mark = [&](const PathResult* p, bool isBest) {
        if (!p || p->answers.empty()) return;
        auto ptr = std::make_shared<Scenario>(sc);
        AttemptOptions o;
        o.seed = seed;
        o.timed = false;
        Attempt at(ptr, o);
        auto flag = [&](int i) {
            if (i < 0) return;
            (isBest ? g.nodes[static_cast<std::size_t>(i)].onBest
                    : g.nodes[static_cast<std::size_t>(i)].onWorst) = true;
        };
        for (const auto& id : p->answers) {
            const Node* here = at.node();
            if (!here || !at.chooseId(id, 0)) break;
            flag(g.index(here->id));
            for (auto& e : g.edges)
                if (g.nodes[static_cast<std::size_t>(e.from)].id == here->id && e.answer == id)
                    (isBest ? e.onBest : e.onWorst) = true;
            flag(g.index(at.turns().back().next));
        }
    };
    mark(best, true);
    mark(worst, false);

    // Vertices for the ordering: forward edges run through a dummy in every layer they pass.
    std::vector<Vertex> v(g.nodes.size());
    for (std::size_t i = 0; i < g.nodes.size(); ++i) v[i].layer = layer[i];
    std::vector<std::vector<int>> chains(g.edges.size());
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
        const GraphEdge& e = g.edges[k];
        if (e.back) continue;
        int prev = e.from;
        chains[k].push_back(prev);
        for (int l = layer[static_cast<std::size_t>(e.from)] + 1;
             l < layer[static_cast<std::size_t>(e.to)]; ++l) {
            Vertex d;
            d.layer = l;
            d.dummy = true;
            d.width = kDummyWidth;
            v.push_back(d);
            int id = static_cast<int>(v.size()) - 1;
            v[static_cast<std::size_t>(prev)].down.push_back(id);
            v[static_cast<std::size_t>(id)].up.push_back(prev);
            chains[k].push_back(id);
            prev = id;
        }
        v[static_cast<std::size_t>(prev)].down.push_back(e.to);
        v[static_cast<std::size_t>(e.to)].up.push_back(prev);
        chains[k].push_back(e.to);
    }
    // The first order: breadth first from the start, then the rest in file order.
    std::vector<std::vector<int>> order(static_cast<std::size_t>(g.layers));
    {
        std::vector<bool> placed(v.size(), false);
        std::deque<int> q;
        for (std::size_t i = 0; i < nn; ++i)
            if (layer[i] == 0) q.push_back(static_cast<int>(i));
        while (true) {
            while (!q.empty()) {
                int u = q.front();
                q.pop_front();
                if (placed[static_cast<std::size_t>(u)]) continue;
                placed[static_cast<std::size_t>(u)] = true;
                order[static_cast<std::size_t>(v[static_cast<std::size_t>(u)].layer)].push_back(u);
                for (int d : v[static_cast<std::size_t>(u)].down) q.push_back(d);
            }
            auto it = std::find(placed.begin(), placed.end(), false);
            if (it == placed.end()) break;
            q.push_back(static_cast<int>(it - placed.begin()));
        }
    }
    // Barycentre sweeps down and up, keeping the order with the fewest crossings.
    auto bestOrder = order;
    int bestCross = crossingsOf(order, v);
    for (int iter = 0; iter < 24 && bestCross > 0; ++iter) {
        bool down = iter % 2 == 0;
        if (down)
            for (std::size_t l = 1; l < order.size(); ++l) sweep(order, v, l, true);
        else
            for (std::size_t l = order.size() - 1; l-- > 0;) sweep(order, v, l, false);
        int c = crossingsOf(order, v);
        if (c < bestCross) {
            bestCross = c;
            bestOrder = order;
        }
    }
    order = bestOrder;
    g.crossings = bestCross;

    // Coordinates: each vertex pulled towards its neighbours' centres, in its layer's order.
    std::vector<double> x(v.size(), 0);
    for (const auto& row : order) {
        double at = 0;
        for (int u : row) {
            x[static_cast<std::size_t>(u)] = at;
            at += v[static_cast<std::size_t>(u)].width + kGraphColumnGap;
        }
    }
    auto centre = [&](int u) {
        return x[static_cast<std::size_t>(u)] + v[static_cast<std::size_t>(u)].width / 2;
    };
    for (int pass = 0; pass < 8; ++pass) {
        bool downPass = pass % 2 == 0;
        for (std::size_t li = 0; li < order.size(); ++li) {
            std::size_t l = downPass ? li : order.size() - 1 - li;
            auto& row = order[l];
            std::vector<double> want(row.size());
            for (std::size_t i = 0; i < row.size(); ++i) {
                const Vertex& vx = v[static_cast<std::size_t>(row[i])];
                const auto& nb = downPass ? vx.up : vx.down;
                if (nb.empty()) {
                    want[i] = centre(row[i]);
                    continue;
                }
                double s = 0;
                for (int n : nb) s += centre(n);
                want[i] = s / static_cast<double>(nb.size());
            }
            // Two packings that keep the order: from the left (each at its wanted place or
            // just right of the one before) and from the right; the row takes their mean, so
            // it is pushed neither way.
            std::vector<double> fromLeft(row.size()), fromRight(row.size());
            double prevRight = -1e18;
            for (std::size_t i = 0; i < row.size(); ++i) {
                double w = v[static_cast<std::size_t>(row[i])].width;
                fromLeft[i] = std::max(want[i] - w / 2, prevRight + kGraphColumnGap);
                prevRight = fromLeft[i] + w;
            }
            double nextLeft = 1e18;
            for (std::size_t i = row.size(); i-- > 0;) {
                double w = v[static_cast<std::size_t>(row[i])].width;
                fromRight[i] = std::min(want[i] - w / 2, nextLeft - kGraphColumnGap - w);
                nextLeft = fromRight[i];
            }
            for (std::size_t i = 0; i < row.size(); ++i)
                x[static_cast<std::size_t>(row[i])] = (fromLeft[i] + fromRight[i]) / 2;
        }
    }
    double minX = 1e18, maxX = -1e18;
    for (std::size_t i = 0; i < v.size(); ++i) {
        minX = std::min(minX, x[i]);
        maxX = std::max(maxX, x[i] + v[i].width);
    }
    const double margin = 40;
    auto yOf = [&](int l) { return margin + l * (kGraphNodeHeight + kGraphLayerGap); };
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        g.nodes[i].x = x[i] - minX + margin;
        g.nodes[i].y = yOf(layer[i]);
    }
    // Loops go out to the right of the graph, one lane each.
    double right = maxX - minX + margin;
    int lanes = 0;
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
        GraphEdge& e = g.edges[k];
        const GraphNode& a = g.nodes[static_cast<std::size_t>(e.from)];
        const GraphNode& b = g.nodes[static_cast<std::size_t>(e.to)];
        if (e.from == e.to) {  // a node that leads to itself: a small loop on its right
            e.points = {{a.x + kGraphNodeWidth, a.y + 12},
                        {a.x + kGraphNodeWidth + 22, a.y + 12},
                        {a.x + kGraphNodeWidth + 22, a.y + kGraphNodeHeight - 12},
                        {a.x + kGraphNodeWidth, a.y + kGraphNodeHeight - 12}};
            continue;
        }
        if (e.back && a.layer == b.layer) {  // beside each other: side to side
            bool toRight = b.x > a.x;
            e.points = {{toRight ? a.x + kGraphNodeWidth : a.x, a.y + kGraphNodeHeight / 2},
                        {toRight ? b.x : b.x + kGraphNodeWidth, b.y + kGraphNodeHeight / 2}};
            continue;
        }
        if (e.back) {
            double lane = right + 20 + 10 * lanes++;
            e.points = {{a.x + kGraphNodeWidth, a.y + kGraphNodeHeight / 2},
                        {lane, a.y + kGraphNodeHeight / 2},
                        {lane, b.y + kGraphNodeHeight / 2},
                        {b.x + kGraphNodeWidth, b.y + kGraphNodeHeight / 2}};
            continue;
        }
        e.points.push_back({a.x + kGraphNodeWidth / 2, a.y + kGraphNodeHeight});
        for (std::size_t j = 1; j + 1 < chains[k].size(); ++j) {
            int d = chains[k][j];
            double cx = x[static_cast<std::size_t>(d)] - minX + margin + kDummyWidth / 2;
            double cy = yOf(v[static_cast<std::size_t>(d)].layer);
            e.points.push_back({cx, cy});
            e.points.push_back({cx, cy + kGraphNodeHeight});
        }
        e.points.push_back({b.x + kGraphNodeWidth / 2, b.y});
    }
    // Ports: the edges leaving a node spread along its bottom, those arriving along its top,
    // each in the order of where its other end lies (parallel answers stay apart).
    std::vector<std::vector<std::size_t>> outs(g.nodes.size()), ins(g.nodes.size());
    for (std::size_t k = 0; k < g.edges.size(); ++k)
        if (!g.edges[k].back) {
            outs[static_cast<std::size_t>(g.edges[k].from)].push_back(k);
            ins[static_cast<std::size_t>(g.edges[k].to)].push_back(k);
        }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        auto spread = [&](std::vector<std::size_t>& list, bool out) {
            std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
                const auto& pa = g.edges[a].points;
                const auto& pb = g.edges[b].points;
                return out ? pa[1].x < pb[1].x : pa[pa.size() - 2].x < pb[pb.size() - 2].x;
            });
            double n = static_cast<double>(list.size());
            for (std::size_t j = 0; j < list.size(); ++j) {
                auto& pts = g.edges[list[j]].points;
                double px = g.nodes[i].x + kGraphNodeWidth * (static_cast<double>(j) + 1) / (n + 1);
                (out ? pts.front() : pts.back()).x = px;
            }
        };
        spread(outs[i], true);
        spread(ins[i], false);
    }
    g.width = right + 20 + 10 * lanes + margin;
    g.height = yOf(g.layers - 1) + kGraphNodeHeight + margin;
    return g;
}

}  // namespace defuse
