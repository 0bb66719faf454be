#include "defuse/condition.hpp"

#include <cctype>
#include <cstdlib>

namespace defuse {

struct Condition::Node {
    enum class Kind { And, Or, Not, Compare, Picked, Used, Visited } kind;
    std::shared_ptr<const Node> a, b;
    Dim dim = Dim::Anger;
    std::string op;
    double number = 0;
    std::string name;
};

namespace {

struct Token {
    enum class Kind { Word, Number, Op, LParen, RParen, End } kind;
    std::string text;
    std::size_t offset;  // bytes
};

constexpr std::size_t kMaxTokens = 1000;

struct ParseError {
    std::string message;
    std::size_t offset;
};

int charOffset(const std::string& s, std::size_t bytes) {
    int n = 0;
    for (std::size_t i = 0; i < bytes && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            ++i;
        } else if (std::isalpha(c) || c == '_') {
            std::size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' || s[j] == '-' || s[j] == '.'))
                ++j;
            out.push_back({Token::Kind::Word, s.substr(i, j - i), i});
            i = j;
        } else if (std::isdigit(c) || ((c == '-' || c == '+') && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t j = i + 1;
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
            out.push_back({Token::Kind::Number, s.substr(i, j - i), i});
            i = j;
        } else if (c == '(' || c == ')') {
            out.push_back({c == '(' ? Token::Kind::LParen : Token::Kind::RParen, std::string(1, static_cast<char>(c)), i});
            ++i;
        } else if (c == '<' || c == '>' || c == '=' || c == '!') {
            std::size_t j = i + 1;
            if (j < s.size() && s[j] == '=') ++j;
            out.push_back({Token::Kind::Op, s.substr(i, j - i), i});
            i = j;
        } else {
            std::size_t j = i + 1;
            while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
            throw ParseError{"unexpected '" + s.substr(i, j - i) + "' in the condition", i};
        }
    }
    out.push_back({Token::Kind::End, "", s.size()});
    return out;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, std::vector<Condition::Ref>& refs, const std::string& src)
        : m_t(std::move(tokens)), m_refs(refs), m_src(src) {}

    std::shared_ptr<const Condition::Node> parseAll() {
        auto n = parseOr();
        if (peek().kind != Token::Kind::End) throw ParseError{"expected 'and', 'or' or the end of the condition, found '" + peek().text + "'", peek().offset};
        return n;
    }

private:
    using NodeP = std::shared_ptr<const Condition::Node>;
    const Token& peek() const { return m_t[m_i]; }
    Token take() { return m_t[m_i++]; }
    bool isWord(const char* w) const { return peek().kind == Token::Kind::Word && peek().text == w; }

    NodeP binary(Condition::Node::Kind k, NodeP a, NodeP b) {
        auto n = std::make_shared<Condition::Node>();
        n->kind = k;
        n->a = std::move(a);
        n->b = std::move(b);
        return n;
    }
    NodeP parseOr() {
        NodeP left = parseAnd();
        while (isWord("or")) {
            take();
            left = binary(Condition::Node::Kind::Or, left, parseAnd());
        }
        return left;
    }
    NodeP parseAnd() {
        NodeP left = parseUnary();
        while (isWord("and")) {
            take();
            left = binary(Condition::Node::Kind::And, left, parseUnary());
        }
        return left;
    }
    NodeP parseUnary() {
        const Token& t = peek();
        if (++m_depth > 32) throw ParseError{"the condition nests too deeply", t.offset};
        struct Leave {
            int& d;
            ~Leave() { --d; }
        } leave{m_depth};
        if (t.kind == Token::Kind::End) throw ParseError{"the condition ends too early", t.offset};
        if (isWord("not")) {
            take();
            return binary(Condition::Node::Kind::Not, parseUnary(), nullptr);
        }
        if (t.kind == Token::Kind::LParen) {
            take();
            NodeP inner = parseOr();
            if (peek().kind != Token::Kind::RParen) throw ParseError{"missing ')'", peek().offset};
            take();
            return inner;
        }
        if (t.kind != Token::Kind::Word) throw ParseError{"expected anger, trust, patience, picked, used or visited, found '" + t.text + "'", t.offset};
        Token w = take();
        auto n = std::make_shared<Condition::Node>();
        if (w.text == "picked" || w.text == "used" || w.text == "visited") {
            if (peek().kind != Token::Kind::Word) throw ParseError{"'" + w.text + "' needs a name after it", peek().offset};
            Token name = take();
            n->name = name.text;
            Condition::Ref::Kind rk;
            if (w.text == "picked") {
                n->kind = Condition::Node::Kind::Picked;
                rk = Condition::Ref::Kind::Answer;
            } else if (w.text == "used") {
                n->kind = Condition::Node::Kind::Used;
                rk = Condition::Ref::Kind::Tag;
            } else {
                n->kind = Condition::Node::Kind::Visited;
                rk = Condition::Ref::Kind::Node;
            }
            m_refs.push_back({rk, name.text, charOffset(m_src, name.offset)});
            return n;
        }
        auto dim = dimFromName(w.text);
        if (!dim) throw ParseError{"unknown name '" + w.text + "'; a condition starts with anger, trust, patience, picked, used, visited, not or '('", w.offset};
        if (peek().kind != Token::Kind::Op) throw ParseError{"expected a comparison (<, <=, >, >=, ==, !=) after '" + w.text + "'", peek().offset};
        Token op = take();
        if (op.text == "=" || op.text == "!") throw ParseError{"'" + op.text + "' is not a comparison; use == or !=", op.offset};
        if (peek().kind != Token::Kind::Number) throw ParseError{"expected a number after '" + op.text + "'", peek().offset};
        Token num = take();
        n->kind = Condition::Node::Kind::Compare;
        n->dim = *dim;
        n->op = op.text;
        n->number = std::strtod(num.text.c_str(), nullptr);
        return n;
    }

    std::vector<Token> m_t;
    std::size_t m_i = 0;
    int m_depth = 0;
    std::vector<Condition::Ref>& m_refs;
    const std::string& m_src;
};

bool eval(const Condition::Node& n, const RunFacts& f) {
    using K = Condition::Node::Kind;
    switch (n.kind) {
        case K::And: return eval(*n.a, f) && eval(*n.b, f);
        case K::Or: return eval(*n.a, f) || eval(*n.b, f);
        case K::Not: return !eval(*n.a, f);
        case K::Picked: return f.picked.count(n.name) > 0;
        case K::Used: return f.used.count(n.name) > 0;
        case K::Visited: return f.visited.count(n.name) > 0;
        case K::Compare: {
            double v = f.mood.get(n.dim);
            if (n.op == "<") return v < n.number;
            if (n.op == "<=") return v <= n.number;
            if (n.op == ">") return v > n.number;
            if (n.op == ">=") return v >= n.number;
            if (n.op == "==") return v == n.number;
            return v != n.number;
        }
    }
    return false;
}

}  // namespace

Condition Condition::parse(const std::string& text, std::string& error, int& errorOffset) {
    Condition c;
    c.m_text = text;
    try {
        std::vector<Token> tokens = tokenize(text);
        // `a and b and c ...` builds a chain as deep as it is long; evaluating or freeing a
        // chain of 500,000 overflowed the stack. Real conditions have a handful of words.
        if (tokens.size() > kMaxTokens)
            throw ParseError{"the condition is too long (more than " + std::to_string(kMaxTokens) +
                                 " words and signs); split the answer or the line instead",
                             tokens[kMaxTokens].offset};
        Parser p(std::move(tokens), c.m_refs, text);
        c.m_root = p.parseAll();
    } catch (const ParseError& e) {
        error = e.message;
        errorOffset = charOffset(text, e.offset);
        c.m_root = nullptr;
        c.m_refs.clear();
    }
    return c;
}

bool Condition::evaluate(const RunFacts& facts) const { return m_root && eval(*m_root, facts); }

}  // namespace defuse
