#include "defuse/condition.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

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

/// The first problem found, at a byte offset.
struct ParseError {
    Message message;
    std::size_t offset = 0;
};

int charOffset(const std::string& s, std::size_t bytes) {
    int n = 0;
    for (std::size_t i = 0; i < bytes && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

bool isWordStart(unsigned char c) { return std::isalpha(c) || c == '_'; }
bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// What other languages write (&&, ||, =>, =<, ≥) and what an input method types (a minus
/// sign U+2212, full-width digits and operators), at `i`: the error that names the fix.
std::optional<ParseError> notAnOperator(const std::string& s, std::size_t i) {
    auto word = [&](std::size_t len, const char* fix) {
        return ParseError{Message(Msg::ConditionUseWord, {s.substr(i, len), std::string(fix)}), i};
    };
    char c = s[i];
    char n = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == '&') return word(n == '&' ? 2 : 1, "and");
    if (c == '|') return word(n == '|' ? 2 : 1, "or");
    if (c == '=' && n == '>') return word(2, ">=");
    if (c == '=' && n == '<') return word(2, "<=");
    if (static_cast<unsigned char>(c) < 0x80) return std::nullopt;
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    std::string ch = s.substr(i, j - i);
    if (ch == "\u2212")
        return ParseError{Message(Msg::ConditionNotAscii, {ch, Msg::CharMinusSign, "-"}), i};
    if (ch == "\u2265") return word(ch.size(), ">=");
    if (ch == "\u2264") return word(ch.size(), "<=");
    if (ch == "\u2260") return word(ch.size(), "!=");
    // Fullwidth forms U+FF01..U+FF5E are ASCII 0x21..0x7E moved up by 0xFEE0.
    if (ch.size() == 3 && static_cast<unsigned char>(ch[0]) == 0xEF) {
        unsigned cp = ((static_cast<unsigned char>(ch[0]) & 0x0Fu) << 12) |
                      ((static_cast<unsigned char>(ch[1]) & 0x3Fu) << 6) |
                      (static_cast<unsigned char>(ch[2]) & 0x3Fu);
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            return ParseError{
                Message(Msg::ConditionNotAscii,
                        {ch, Msg::CharFullWidth, std::string(1, static_cast<char>(cp - 0xFEE0))}),
                i};
    }
    return std::nullopt;
}

/// Splits the text into tokens, or says which character does not belong.
std::optional<ParseError> tokenize(const std::string& s, std::vector<Token>& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            ++i;
        } else if (isWordStart(c)) {
            std::size_t j = i;
            while (j < s.size() && isWordChar(s[j])) ++j;
            out.push_back({Token::Kind::Word, s.substr(i, j - i), i});
            i = j;
        } else if (std::isdigit(c) ||
                   ((c == '-' || c == '+') && i + 1 < s.size() && isDigit(s[i + 1]))) {
            std::size_t j = i + 1;
            while (j < s.size() && (isDigit(s[j]) || s[j] == '.')) ++j;
            out.push_back({Token::Kind::Number, s.substr(i, j - i), i});
            i = j;
        } else if (c == '(' || c == ')') {
            auto kind = c == '(' ? Token::Kind::LParen : Token::Kind::RParen;
            out.push_back({kind, std::string(1, static_cast<char>(c)), i});
            ++i;
        } else if (auto e = notAnOperator(s, i)) {
            return e;
        } else if (c == '<' || c == '>' || c == '=' || c == '!') {
            std::size_t j = i + 1;
            if (j < s.size() && s[j] == '=') ++j;
            out.push_back({Token::Kind::Op, s.substr(i, j - i), i});
            i = j;
        } else {
            std::size_t j = i + 1;
            while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
            return ParseError{Message(Msg::ConditionUnexpected, {s.substr(i, j - i)}), i};
        }
    }
    out.push_back({Token::Kind::End, "", s.size()});
    return std::nullopt;
}

/// A recursive-descent parser that stops at the first error: every parse function returns
/// null once `m_error` is set, and its callers return at once.
class Parser {
public:
    using NodeP = std::shared_ptr<const Condition::Node>;

    Parser(std::vector<Token> tokens, std::vector<Condition::Ref>& refs, const std::string& src)
        : m_t(std::move(tokens)), m_refs(refs), m_src(src) {}

    NodeP parseAll() {
        NodeP n = parseOr();
        if (!n) return nullptr;
        if (peek().kind != Token::Kind::End)
            return fail(Msg::ConditionExpectedEnd, {peek().text}, peek().offset);
        return n;
    }

    const std::optional<ParseError>& error() const { return m_error; }

private:
    const Token& peek() const { return m_t[m_i]; }
    Token take() { return m_t[m_i++]; }
    bool isWord(const char* w) const {
        return peek().kind == Token::Kind::Word && peek().text == w;
    }

    NodeP fail(Msg id, std::vector<Message> args, std::size_t offset) {
        if (!m_error) m_error = ParseError{Message(id, std::move(args)), offset};
        return nullptr;
    }

    NodeP binary(Condition::Node::Kind k, NodeP a, NodeP b) {
        auto n = std::make_shared<Condition::Node>();
        n->kind = k;
        n->a = std::move(a);
        n->b = std::move(b);
        return n;
    }
    NodeP parseOr() {
        NodeP left = parseAnd();
        while (left && isWord("or")) {
            take();
            NodeP right = parseAnd();
            if (!right) return nullptr;
            left = binary(Condition::Node::Kind::Or, left, right);
        }
        return left;
    }
    NodeP parseAnd() {
        NodeP left = parseUnary();
        while (left && isWord("and")) {
            take();
            NodeP right = parseUnary();
            if (!right) return nullptr;
            left = binary(Condition::Node::Kind::And, left, right);
        }
        return left;
    }
    NodeP parseUnary() {
        const Token& t = peek();
        if (++m_depth > 32) return fail(Msg::ConditionTooDeep, {}, t.offset);
        struct Leave {
            int& d;
            ~Leave() { --d; }
        } leave{m_depth};
        if (t.kind == Token::Kind::End) return fail(Msg::ConditionEndsEarly, {}, t.offset);
        if (isWord("not")) {
            take();
            NodeP inner = parseUnary();
            if (!inner) return nullptr;
            return binary(Condition::Node::Kind::Not, inner, nullptr);
        }
        if (t.kind == Token::Kind::LParen) {
            take();
            NodeP inner = parseOr();
            if (!inner) return nullptr;
            if (peek().kind != Token::Kind::RParen)
                return fail(Msg::ConditionMissingParen, {}, peek().offset);
            take();
            return inner;
        }
        if (t.kind != Token::Kind::Word)
            return fail(Msg::ConditionExpectedTerm, {t.text}, t.offset);
        Token w = take();
        auto n = std::make_shared<Condition::Node>();
        if (w.text == "picked" || w.text == "used" || w.text == "visited") {
            if (peek().kind != Token::Kind::Word)
                return fail(Msg::ConditionNeedsName, {w.text}, peek().offset);
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
        if (!dim) return fail(Msg::ConditionUnknownName, {w.text}, w.offset);
        if (peek().kind != Token::Kind::Op)
            return fail(Msg::ConditionExpectedComparison, {w.text}, peek().offset);
        Token op = take();
        if (op.text == "=" || op.text == "!")
            return fail(Msg::ConditionNotComparison, {op.text}, op.offset);
        if (peek().kind != Token::Kind::Number)
            return fail(Msg::ConditionExpectedNumber, {op.text}, peek().offset);
        Token num = take();
        // Digits with at most one point, and digits after it: "1.2.3" is not 1.2.
        std::size_t dot = num.text.find('.');
        if (std::count(num.text.begin(), num.text.end(), '.') > 1 ||
            (dot != std::string::npos && dot + 1 == num.text.size()))
            return fail(Msg::ConditionBadNumber, {num.text}, num.offset);
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
    std::optional<ParseError> m_error;
};

bool eval(const Condition::Node& n, const RunFacts& f) {
    using K = Condition::Node::Kind;
    switch (n.kind) {
        case K::And:
            return eval(*n.a, f) && eval(*n.b, f);
        case K::Or:
            return eval(*n.a, f) || eval(*n.b, f);
        case K::Not:
            return !eval(*n.a, f);
        case K::Picked:
            return f.picked.count(n.name) > 0;
        case K::Used:
            return f.used.count(n.name) > 0;
        case K::Visited:
            return f.visited.count(n.name) > 0;
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

ParsedCondition Condition::parse(const std::string& text) {
    ParsedCondition out;
    auto failed = [&](const ParseError& e) {
        out.error = e.message;
        out.errorOffset = charOffset(text, e.offset);
        return out;
    };
    std::vector<Token> tokens;
    if (auto e = tokenize(text, tokens)) return failed(*e);
    // `a and b and c ...` builds a chain as deep as it is long; evaluating or freeing a
    // chain of 500,000 overflowed the stack. Real conditions have a handful of words.
    if (tokens.size() > kMaxTokens)
        return failed({Message(Msg::ConditionTooLong, {std::to_string(kMaxTokens)}),
                       tokens[kMaxTokens].offset});
    Condition c;
    c.m_text = text;
    Parser p(std::move(tokens), c.m_refs, text);
    c.m_root = p.parseAll();
    if (!c.m_root) return failed(p.error() ? *p.error() : ParseError{Msg::ConditionEndsEarly, 0});
    out.condition = std::move(c);
    return out;
}

bool Condition::evaluate(const RunFacts& facts) const { return m_root && eval(*m_root, facts); }

namespace {

void emit(const Condition::Node& n, std::vector<Condition::Op>& out,
          const std::function<int(Condition::Ref::Kind, const std::string&)>& factBit) {
    using K = Condition::Node::Kind;
    using C = Condition::Op::Code;
    using R = Condition::Ref::Kind;
    Condition::Op op;
    switch (n.kind) {
        case K::And:
        case K::Or:
            emit(*n.a, out, factBit);
            emit(*n.b, out, factBit);
            op.code = n.kind == K::And ? C::And : C::Or;
            break;
        case K::Not:
            emit(*n.a, out, factBit);
            op.code = C::Not;
            break;
        case K::Picked:
        case K::Used:
        case K::Visited:
            op.code = C::Fact;
            op.fact = factBit(n.kind == K::Picked ? R::Answer
                              : n.kind == K::Used ? R::Tag
                                                  : R::Node,
                              n.name);
            break;
        case K::Compare: {
            static const char* const kOps[] = {"<", "<=", ">", ">=", "=="};
            op.code = C::Compare;
            op.dim = n.dim;
            op.number = n.number;
            op.cmp = 5;
            for (std::uint8_t i = 0; i < 5; ++i)
                if (n.op == kOps[i]) op.cmp = i;
            break;
        }
    }
    out.push_back(op);
}

}  // namespace

std::vector<Condition::Op> Condition::compile(
    const std::function<int(Ref::Kind, const std::string&)>& factBit) const {
    std::vector<Op> out;
    if (m_root) emit(*m_root, out, factBit);
    return out;
}

}  // namespace defuse
