// test_dedupe.cc: near-duplicate detection (csrc/dedupe.c): signatures that ignore typography,
// estimates that track the exact Jaccard similarity, clusters, determinism, threads, limits
// and allocation failure.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "shim.h"

namespace {

using fl_test::FailingAllocator;

fl_dedupe_params params(uint32_t shingle = 5, uint32_t k = 128, uint64_t seed = 1) {
    fl_dedupe_params p;
    fl_dedupe_params_default(&p);
    p.shingle = shingle;
    p.num_hashes = k;
    p.seed = seed;
    return p;
}

struct Sig {
    std::vector<uint32_t> values;
    uint64_t shingles = 0;
    fl_status status = FL_ERR_ARG;
};

Sig signature(const std::string &text, const fl_dedupe_params &p = params(),
              const fl_allocator *alloc = nullptr) {
    Sig s;
    s.values.assign(p.num_hashes, 0);
    fl_dedupe_scratch *scratch = nullptr;
    s.status = fl_dedupe_scratch_new(alloc, &scratch);
    if (s.status == FL_OK) {
        fl_error err{};
        s.status = fl_dedupe_signature(&p, text.data(), text.size(), scratch, s.values.data(),
                                       &s.shingles, &err);
    }
    fl_dedupe_scratch_free(scratch);
    return s;
}

double jaccard(const Sig &a, const Sig &b) {
    double j = 0;
    fl_dedupe_similarity(a.values.data(), a.shingles, b.values.data(), b.shingles,
                         static_cast<uint32_t>(a.values.size()), &j, nullptr);
    return j;
}

// Words of an ASCII text as the signature reads them: runs of letters and digits, lower case.
std::vector<std::string> ascii_words(const std::string &t) {
    std::vector<std::string> out;
    std::string w;
    for (char ch : t) {
        if (std::isalnum(static_cast<unsigned char>(ch))) {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        } else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    if (!w.empty()) {
        out.push_back(w);
    }
    return out;
}

std::set<std::string> shingle_set(const std::string &t, size_t k) {
    auto w = ascii_words(t);
    std::set<std::string> out;
    if (w.empty()) {
        return out;
    }
    if (w.size() < k) {
        k = w.size();
    }
    for (size_t i = 0; i + k <= w.size(); i++) {
        std::string s;
        for (size_t j = 0; j < k; j++) {
            s += w[i + j] + " ";
        }
        out.insert(s);
    }
    return out;
}

double exact_jaccard(const std::string &a, const std::string &b, size_t k) {
    auto sa = shingle_set(a, k), sb = shingle_set(b, k);
    std::vector<std::string> inter;
    std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(inter));
    return static_cast<double>(inter.size()) /
           static_cast<double>(sa.size() + sb.size() - inter.size());
}

// Random text of `n` words from a vocabulary of `vocab` words (w0 ... w{vocab-1}).
std::string words(std::mt19937 &rng, size_t n, size_t vocab = 5000) {
    std::uniform_int_distribution<size_t> pick(0, vocab - 1);
    std::string t;
    for (size_t i = 0; i < n; i++) {
        t += "w" + std::to_string(pick(rng)) + (i % 13 == 12 ? ". " : " ");
    }
    return t;
}

const char *kArticle =
    "KYIV, March 3 (Wire) - Ukraine's foreign minister said on Monday that talks with Russia "
    "on a ceasefire in the east had failed, and that the government would ask its allies for "
    "more air defence systems before the winter. \"We will not accept a frozen conflict,\" he "
    "told reporters in the capital after a meeting with his counterparts. The ministry later "
    "said in a statement that the next round of talks had been postponed indefinitely.";

const char *kRetyped =
    "KYIV, March 3 (Wire) \u2014 UKRAINE\u2019S foreign minister said on Monday that talks "
    "with Russia\u00a0on a ceasefire in the east had failed,  and that the government would "
    "ask its allies for more air defence systems before the winter. \u201cWe will not accept a "
    "frozen conflict,\u201d he told reporters in the capital after a meeting with his "
    "counterparts\u2026 The ministry later said in a statement that the next round of talks "
    "had been postponed indefinitely.";

} // namespace

TEST(Dedupe, DefaultsAreDocumented) {
    fl_dedupe_params p;
    fl_dedupe_params_default(&p);
    EXPECT_EQ(5u, p.shingle);
    EXPECT_EQ(128u, p.num_hashes);
    EXPECT_EQ(1u, p.seed);
    fl_dedupe_options o;
    fl_dedupe_options_default(&o);
    EXPECT_EQ(0.5, o.threshold);
    EXPECT_EQ(0.8, o.containment);
    EXPECT_EQ(0u, o.bands);
    EXPECT_EQ(0u, o.rows);
}

TEST(Dedupe, InvalidParametersAreArgumentErrors) {
    for (auto p : {params(0), params(FL_DEDUPE_MAX_SHINGLE + 1), params(5, 100), params(5, 8),
                   params(5, 2048)}) {
        std::vector<uint32_t> sig(2048);
        uint64_t n = 0;
        fl_dedupe_scratch *s = nullptr;
        ASSERT_EQ(FL_OK, fl_dedupe_scratch_new(nullptr, &s));
        fl_error err{};
        EXPECT_EQ(FL_ERR_ARG, fl_dedupe_signature(&p, "a b", 3, s, sig.data(), &n, &err));
        EXPECT_NE(std::string::npos, std::string(err.message).find("dedupe:")) << err.message;
        fl_dedupe_scratch_free(s);
    }
    fl_dedupe_params p = params();
    uint64_t n = 0;
    uint32_t sig[128];
    EXPECT_EQ(FL_ERR_ARG, fl_dedupe_signature(&p, "a", 1, nullptr, sig, &n, nullptr));
    EXPECT_EQ(FL_ERR_ARG, fl_dedupe_signature(nullptr, "a", 1, nullptr, sig, &n, nullptr));
    EXPECT_EQ(FL_ERR_ARG, fl_dedupe_scratch_new(nullptr, nullptr));
    fl_dedupe_scratch_free(nullptr); // a no-op
}

TEST(Dedupe, TypographyCaseAndSpacingDoNotMatter) {
    Sig a = signature(kArticle), b = signature(kRetyped);
    ASSERT_EQ(FL_OK, a.status);
    ASSERT_EQ(FL_OK, b.status);
    EXPECT_EQ(a.shingles, b.shingles);
    EXPECT_EQ(a.values, b.values);
}

TEST(Dedupe, DiacriticsLigaturesAndSoftHyphensFoldAway) {
    // precomposed, decomposed (e + U+0301) and plain; a ligature; a soft hyphen in a word
    Sig a = signature("le coup d\u2019\u00e9tat a \u00e9chou\u00e9 hier soir \u00e0 Kyiv, dit-il");
    Sig b = signature("Le coup d'e\u0301tat a e\u0301choue\u0301 hier soir a\u0300 KYIV - dit il");
    Sig c = signature("le coup d etat a echoue hier soir a kyiv dit il");
    EXPECT_EQ(a.values, b.values);
    EXPECT_EQ(a.values, c.values);
    Sig d = signature("the \uFB01nal o\ufb03cial re\u00adport was pub\u00adlished on Monday");
    Sig e = signature("The FINAL official report was published on Monday");
    EXPECT_EQ(d.values, e.values);
}

TEST(Dedupe, CyrillicAndGreekFoldLikeTheMatcher) {
    // Cyrillic keeps its diacritics (й is not и) except ё = е; Greek loses its accents.
    Sig a = signature("Київ заявив що переговори зірвано Ёлка Αθήνα");
    Sig b = signature("КИЇВ ЗАЯВИВ, що переговори зірвано: ЕЛКА αθηνα");
    EXPECT_EQ(a.values, b.values);
    Sig c = signature("Киів заявив що переговори зірвано Ёлка Αθήνα"); // і for ї: another word
    EXPECT_NE(a.values, c.values);
    // A decomposed й (и + U+0306) is the precomposed one.
    EXPECT_EQ(signature("мій край рідний тут і там").values,
              signature("мі\u0438\u0306 край рідний тут і там").values);
}

TEST(Dedupe, AnyTextSignsLikeItsFoldedForm) {
    // Words of letters from several scripts, in any case and composition, have the signature
    // of their fl_fold() form: the two-byte cache, the slow path and ASCII agree (an ASCII
    // word is hashed eight bytes to a step, any other byte by byte). (Not for
    // the letters whose fold holds an apostrophe, such as U+0149: the apostrophe then
    // separates words.)
    const char32_t letters[] = {U'a',      U'Z',      U'\u00c9', U'\u00df', U'\u00f8', U'\u0130',
                                U'\u01c5', U'\u0391', U'\u03ac', U'\u0390', U'\u0416', U'\u0451',
                                U'\u0457', U'\u0419', U'\u0531', U'\u05d0', U'\u0627', U'\u1e9e',
                                U'\u4e2d', U'7',      U'\u0663'};
    std::mt19937 rng(7);
    for (int round = 0; round < 50; round++) {
        std::string text;
        for (int w = 0; w < 40; w++) {
            // up to 20 letters: ASCII words of one to three 8-byte steps
            int len = 1 + static_cast<int>(rng() % 20);
            for (int i = 0; i < len; i++) {
                text += fl_test::utf8(letters[rng() % (sizeof(letters) / sizeof(letters[0]))]);
            }
            text += ' ';
        }
        Sig a = signature(text);
        Sig b = signature(fl_test::fold(text));
        ASSERT_EQ(FL_OK, a.status);
        EXPECT_EQ(a.values, b.values) << text;
        EXPECT_EQ(a.shingles, b.shingles) << text;
    }
}

TEST(Dedupe, EstimateTracksTheExactJaccardSimilarity) {
    // Pairs made to overlap by a known amount: the estimate from 128 values has a standard
    // error of at most 0.045; every estimate must be within 4.5 standard errors.
    std::mt19937 rng(11);
    for (int round = 0; round < 40; round++) {
        std::string shared = words(rng, 50 + rng() % 400);
        std::string a = words(rng, rng() % 200) + shared + words(rng, rng() % 200);
        std::string b = words(rng, rng() % 200) + shared + words(rng, rng() % 50);
        double exact = exact_jaccard(a, b, 5);
        Sig sa = signature(a), sb = signature(b);
        EXPECT_EQ(shingle_set(a, 5).size(), sa.shingles);
        double est = jaccard(sa, sb);
        double se = std::sqrt(exact * (1 - exact) / 128.0) + 1e-9;
        EXPECT_LE(std::fabs(est - exact), 4.5 * se + 1.0 / 128) << "exact " << exact;
    }
}

TEST(Dedupe, ContainmentSeesACutEnding) {
    std::mt19937 rng(3);
    std::string full = words(rng, 800);
    std::string cut = full.substr(0, full.size() * 6 / 10);
    Sig a = signature(full), b = signature(cut);
    double j = 0, c = 0;
    fl_dedupe_similarity(a.values.data(), a.shingles, b.values.data(), b.shingles, 128, &j, &c);
    EXPECT_NEAR(0.6, j, 0.15);
    EXPECT_GE(c, 0.85);
    EXPECT_LE(c, 1.0);
}

TEST(Dedupe, ShortAndEmptyTexts) {
    Sig empty = signature("");
    EXPECT_EQ(FL_OK, empty.status);
    EXPECT_EQ(0u, empty.shingles);
    EXPECT_EQ(std::vector<uint32_t>(128, UINT32_MAX), empty.values);
    EXPECT_EQ(0u, signature(" ,.;!? \u2014 \u00a0 \"'").shingles); // no words
    Sig two = signature("Kyiv says");                                // fewer words than a shingle
    EXPECT_EQ(1u, two.shingles);
    EXPECT_EQ(two.values, signature("KYIV, says!").values);
    EXPECT_NE(two.values, signature("Kyiv said").values);
    double j = 0;
    fl_dedupe_similarity(empty.values.data(), 0, empty.values.data(), 0, 128, &j, nullptr);
    EXPECT_TRUE(std::isnan(j)); // nothing to compare
    // A NULL text of length 0 is an empty text.
    fl_dedupe_params p = params();
    fl_dedupe_scratch *s = nullptr;
    ASSERT_EQ(FL_OK, fl_dedupe_scratch_new(nullptr, &s));
    uint64_t n = 9;
    std::vector<uint32_t> sig(128);
    EXPECT_EQ(FL_OK, fl_dedupe_signature(&p, nullptr, 0, s, sig.data(), &n, nullptr));
    EXPECT_EQ(0u, n);
    EXPECT_EQ(FL_ERR_ARG, fl_dedupe_signature(&p, nullptr, 3, s, sig.data(), &n, nullptr));
    fl_dedupe_scratch_free(s);
}

TEST(Dedupe, InvalidUtf8AndNulSeparateWords) {
    std::string bad = std::string("talks \xff\xfe failed") + '\0' + "again";
    Sig a = signature(bad);
    EXPECT_EQ(FL_OK, a.status);
    EXPECT_EQ(a.values, signature("talks failed again").values);
}

TEST(Dedupe, SeedAndParametersChangeTheSignature) {
    Sig a = signature(kArticle, params(5, 128, 1));
    EXPECT_EQ(a.values, signature(kArticle, params(5, 128, 1)).values); // deterministic
    EXPECT_NE(a.values, signature(kArticle, params(5, 128, 2)).values);
    EXPECT_NE(a.values, signature(kArticle, params(4, 128, 1)).values);
    EXPECT_EQ(16u, signature(kArticle, params(5, 16)).values.size());
    EXPECT_EQ(1024u, signature(kArticle, params(5, 1024)).values.size());
}

TEST(Dedupe, ScratchIsReusedAcrossTextsOfAnySize) {
    // A huge text, then a small one, then the huge one again, with one scratch: the same
    // results as fresh scratch each time (the shingle set shrinks back and grows again).
    std::mt19937 rng(5);
    std::vector<std::string> texts = {words(rng, 20000), "one two three four five six",
                                      std::string(30000, 'a') + " b", words(rng, 20000, 50),
                                      kArticle};
    // a text of one-letter words grows the set past its first size
    std::string letters;
    for (int i = 0; i < 60000; i++) {
        letters += static_cast<char>('a' + rng() % 26);
        letters += ' ';
    }
    texts.push_back(letters);
    fl_dedupe_params p = params();
    fl_dedupe_scratch *s = nullptr;
    ASSERT_EQ(FL_OK, fl_dedupe_scratch_new(nullptr, &s));
    for (int pass = 0; pass < 2; pass++) {
        for (const auto &t : texts) {
            std::vector<uint32_t> sig(128);
            uint64_t n = 0;
            ASSERT_EQ(FL_OK,
                      fl_dedupe_signature(&p, t.data(), t.size(), s, sig.data(), &n, nullptr));
            Sig fresh = signature(t);
            EXPECT_EQ(fresh.values, sig);
            EXPECT_EQ(fresh.shingles, n);
        }
    }
    fl_dedupe_scratch_free(s);
}

namespace {

struct Corpus {
    std::vector<std::string> docs;
    std::vector<int> family; // documents of one family are copies of each other
};

// Families of 1 to 4 copies (cut endings, a few words replaced), and unrelated documents.
Corpus make_corpus(size_t families, unsigned seed) {
    std::mt19937 rng(seed);
    Corpus c;
    for (size_t f = 0; f < families; f++) {
        std::string src = words(rng, 150 + rng() % 400);
        c.docs.push_back(src);
        c.family.push_back(static_cast<int>(f));
        size_t copies = f % 3 == 0 ? 1 + rng() % 4 : 0;
        for (size_t k = 0; k < copies; k++) {
            std::string copy = src.substr(0, src.size() * (80 + rng() % 21) / 100);
            for (int e = 0; e < 3; e++) {
                size_t at = copy.find(' ', rng() % copy.size());
                if (at != std::string::npos) {
                    copy.insert(at, " edited");
                }
            }
            c.docs.push_back(copy);
            c.family.push_back(static_cast<int>(f));
        }
    }
    return c;
}

struct Clusters {
    fl_dedupe_clusters *c = nullptr;
    fl_status status = FL_ERR_ARG;
    fl_error err{};
    fl_dedupe_columns cols{};
    Clusters(const std::vector<uint32_t> &sigs, const std::vector<uint64_t> &n, uint32_t k,
             const fl_dedupe_options *o = nullptr, const fl_allocator *a = nullptr) {
        status = fl_dedupe_cluster(sigs.data(), n.data(), n.size(), k, o, a, &c, &err);
        fl_dedupe_clusters_get(c, &cols);
    }
    ~Clusters() { fl_dedupe_clusters_free(c); }
};

void sign_all(const std::vector<std::string> &docs, const fl_dedupe_params &p, unsigned threads,
              std::vector<uint32_t> &sigs, std::vector<uint64_t> &n) {
    std::vector<const char *> t;
    std::vector<size_t> l;
    for (const auto &d : docs) {
        t.push_back(d.data());
        l.push_back(d.size());
    }
    sigs.assign(docs.size() * p.num_hashes, 0);
    n.assign(docs.size(), 0);
    fl_error err{};
    ASSERT_EQ(FL_OK, fl_dedupe_signatures(&p, t.data(), l.data(), docs.size(), threads, nullptr,
                                          sigs.data(), n.data(), &err))
        << err.message;
}

} // namespace

TEST(Dedupe, BatchEqualsOneCallPerDocumentForAnyThreadCount) {
    Corpus c = make_corpus(60, 1);
    c.docs.push_back("");
    fl_dedupe_params p = params();
    std::vector<uint32_t> one;
    std::vector<uint64_t> n_one;
    sign_all(c.docs, p, 1, one, n_one);
    for (size_t d = 0; d < c.docs.size(); d++) {
        Sig s = signature(c.docs[d]);
        ASSERT_EQ(s.shingles, n_one[d]);
        ASSERT_TRUE(std::equal(s.values.begin(), s.values.end(), one.begin() + d * 128));
    }
    for (unsigned threads : {0u, 2u, 3u, 7u, 1000u}) {
        std::vector<uint32_t> sigs;
        std::vector<uint64_t> n;
        sign_all(c.docs, p, threads, sigs, n);
        EXPECT_EQ(one, sigs) << threads << " threads";
        EXPECT_EQ(n_one, n);
    }
    // no documents at all
    uint32_t dummy = 0;
    uint64_t dn = 0;
    EXPECT_EQ(FL_OK,
              fl_dedupe_signatures(&p, nullptr, nullptr, 0, 2, nullptr, &dummy, &dn, nullptr));
}

TEST(Dedupe, ABatchNamesADocumentWithANullText) {
    fl_dedupe_params p = params();
    const char *texts[] = {"a b c", nullptr};
    size_t lens[] = {5, 3};
    std::vector<uint32_t> sigs(256);
    std::vector<uint64_t> n(2);
    fl_error err{};
    EXPECT_EQ(FL_ERR_ARG,
              fl_dedupe_signatures(&p, texts, lens, 2, 1, nullptr, sigs.data(), n.data(), &err));
    EXPECT_EQ(1u, err.item);
    EXPECT_EQ(0, std::string(err.message).rfind("texts[1]: ", 0)) << err.message;
}

TEST(Dedupe, ClustersAreTheFamilies) {
    Corpus c = make_corpus(300, 2);
    std::vector<uint32_t> sigs;
    std::vector<uint64_t> n;
    sign_all(c.docs, params(), 2, sigs, n);
    Clusters cl(sigs, n, 128);
    ASSERT_EQ(FL_OK, cl.status) << cl.err.message;
    ASSERT_EQ(c.docs.size(), cl.cols.n_docs);
    size_t tp = 0, fp = 0, fn = 0, families_with_copies = 0;
    for (size_t i = 0; i < c.docs.size(); i++) {
        EXPECT_LE(cl.cols.first[i], i);
        EXPECT_EQ(cl.cols.first[cl.cols.first[i]], cl.cols.first[i]); // the first is its own
        if (i == 0 || c.family[i] != c.family[i - 1]) {
            families_with_copies += i + 1 < c.docs.size() && c.family[i + 1] == c.family[i];
        }
        for (size_t j = i + 1; j < c.docs.size(); j++) {
            bool same = cl.cols.first[i] == cl.cols.first[j];
            bool truth = c.family[i] == c.family[j];
            tp += same && truth;
            fp += same && !truth;
            fn += !same && truth;
        }
    }
    EXPECT_EQ(0u, fp);
    EXPECT_EQ(0u, fn);
    EXPECT_EQ(families_with_copies, cl.cols.n_clusters);
    EXPECT_GT(tp, 100u);
    // The pairs that joined clusters: a spanning tree of each (documents - clusters).
    size_t in_clusters = 0;
    for (size_t i = 0; i < c.docs.size(); i++) {
        in_clusters += cl.cols.size[i] > 1;
        if (cl.cols.size[i] == 1) {
            EXPECT_TRUE(std::isnan(cl.cols.jaccard[i]));
        } else if (cl.cols.first[i] == i) {
            EXPECT_EQ(1.0, cl.cols.jaccard[i]);
        } else {
            EXPECT_GT(cl.cols.containment[i], 0.5);
        }
    }
    EXPECT_EQ(in_clusters - cl.cols.n_clusters, cl.cols.n_pairs);
    for (size_t k = 0; k < cl.cols.n_pairs; k++) {
        EXPECT_LT(cl.cols.pair_a[k], cl.cols.pair_b[k]);
        EXPECT_EQ(c.family[cl.cols.pair_a[k]], c.family[cl.cols.pair_b[k]]);
        EXPECT_TRUE(cl.cols.pair_jaccard[k] >= 0.5 || cl.cols.pair_containment[k] >= 0.8);
    }
    EXPECT_EQ(64u, cl.cols.bands); // the containment rule reaches down to J = 0.36: rows of 2
    EXPECT_EQ(2u, cl.cols.rows);
}

TEST(Dedupe, ThresholdsDecide) {
    std::mt19937 rng(9);
    std::string a = words(rng, 600);
    std::string cut = a.substr(0, a.size() * 65 / 100); // J ~ 0.65, containment ~ 1
    std::string half = a.substr(0, a.size() * 40 / 100); // J ~ 0.4, shorter than half of a
    std::string other = words(rng, 600);
    auto firsts = [&](std::vector<std::string> docs, double threshold, double containment) {
        std::vector<uint32_t> sigs;
        std::vector<uint64_t> n;
        sign_all(docs, params(), 1, sigs, n);
        fl_dedupe_options o;
        fl_dedupe_options_default(&o);
        o.threshold = threshold;
        o.containment = containment;
        Clusters cl(sigs, n, 128, &o);
        EXPECT_EQ(FL_OK, cl.status) << cl.err.message;
        return std::vector<uint32_t>(cl.cols.first, cl.cols.first + cl.cols.n_docs);
    };
    using v = std::vector<uint32_t>;
    EXPECT_EQ((v{0, 0, 2}), firsts({a, cut, other}, 0.5, 0.8));
    EXPECT_EQ((v{0, 1, 2}), firsts({a, cut, other}, 0.9, 0.0)); // Jaccard alone: no
    EXPECT_EQ((v{0, 0, 2}), firsts({a, cut, other}, 0.9, 0.8)); // containment: yes
    // Contained, but less than half as long: not by containment, and J < 0.5 ...
    EXPECT_EQ((v{0, 1, 2}), firsts({a, half, other}, 0.5, 0.8));
    EXPECT_EQ((v{0, 0, 2}), firsts({a, half, other}, 0.3, 0.0));
    // ... unless a document in between links them (clusters are single-linkage).
    EXPECT_EQ((v{0, 0, 0, 3}), firsts({a, cut, half, other}, 0.5, 0.8));
}

TEST(Dedupe, DocumentsWithoutWordsStayAlone) {
    std::vector<std::string> docs = {"", "...", kArticle, "", kRetyped, "?"};
    std::vector<uint32_t> sigs;
    std::vector<uint64_t> n;
    sign_all(docs, params(), 1, sigs, n);
    Clusters cl(sigs, n, 128);
    ASSERT_EQ(FL_OK, cl.status);
    EXPECT_EQ((std::vector<uint32_t>{0, 1, 2, 3, 2, 5}),
              std::vector<uint32_t>(cl.cols.first, cl.cols.first + 6));
    EXPECT_EQ(1u, cl.cols.n_clusters);
}

TEST(Dedupe, ManyIdenticalDocumentsCostLinearWork) {
    // 3000 copies of one text share every bucket: each document is compared once per band
    // at most with a document not yet in its cluster, so the candidates stay ~ documents.
    std::vector<std::string> docs(3000, kArticle);
    std::vector<uint32_t> sigs;
    std::vector<uint64_t> n;
    sign_all(docs, params(), 2, sigs, n);
    Clusters cl(sigs, n, 128);
    ASSERT_EQ(FL_OK, cl.status);
    EXPECT_EQ(1u, cl.cols.n_clusters);
    EXPECT_EQ(2999u, cl.cols.n_pairs);
    EXPECT_EQ(2999u, cl.cols.n_candidates);
    for (size_t i = 0; i < docs.size(); i++) {
        EXPECT_EQ(0u, cl.cols.first[i]);
        EXPECT_EQ(3000u, cl.cols.size[i]);
    }
}

TEST(Dedupe, ABucketSharedByUnrelatedDocumentsIsBounded) {
    // Unrelated texts that end in the same long footer: the footer's bins put them all in
    // shared buckets, but each document meets at most FL_DEDUPE_BUCKET_PEERS others there.
    std::mt19937 rng(4);
    std::string footer = words(rng, 300);
    std::vector<std::string> docs;
    for (int i = 0; i < 2000; i++) {
        docs.push_back(words(rng, 200) + footer);
    }
    std::vector<uint32_t> sigs;
    std::vector<uint64_t> n;
    sign_all(docs, params(), 2, sigs, n);
    fl_dedupe_options o;
    fl_dedupe_options_default(&o);
    o.threshold = 0.9;
    o.containment = 0; // J ~ 0.4 between any two: candidates, never copies
    o.bands = 64;
    o.rows = 2;
    Clusters cl(sigs, n, 128, &o);
    ASSERT_EQ(FL_OK, cl.status);
    EXPECT_EQ(0u, cl.cols.n_clusters);
    EXPECT_LE(cl.cols.n_candidates, docs.size() * cl.cols.bands * FL_DEDUPE_BUCKET_PEERS);
    EXPECT_GT(cl.cols.n_candidates, docs.size()); // the buckets were shared indeed
}

TEST(Dedupe, InvalidOptionsAreArgumentErrors) {
    std::vector<uint32_t> sigs(128 * 2, 1);
    std::vector<uint64_t> n = {3, 3};
    auto status = [&](double t, double c, uint32_t b, uint32_t r, uint32_t k = 128) {
        fl_dedupe_options o = {t, c, b, r};
        fl_dedupe_clusters *out = reinterpret_cast<fl_dedupe_clusters *>(&o);
        fl_error err{};
        fl_status st = fl_dedupe_cluster(sigs.data(), n.data(), 2, k, &o, nullptr, &out, &err);
        if (st != FL_OK) {
            EXPECT_EQ(nullptr, out);
            EXPECT_EQ(st, err.code);
        }
        fl_dedupe_clusters_free(out);
        return st;
    };
    EXPECT_EQ(FL_OK, status(0.5, 0.8, 0, 0));
    EXPECT_EQ(FL_OK, status(1.0, 0.0, 32, 4));
    EXPECT_EQ(FL_ERR_ARG, status(0.0, 0.8, 0, 0));
    EXPECT_EQ(FL_ERR_ARG, status(1.5, 0.8, 0, 0));
    EXPECT_EQ(FL_ERR_ARG, status(NAN, 0.8, 0, 0));
    EXPECT_EQ(FL_ERR_ARG, status(0.5, -0.1, 0, 0));
    EXPECT_EQ(FL_ERR_ARG, status(0.5, 0.8, 32, 0));
    EXPECT_EQ(FL_ERR_ARG, status(0.5, 0.8, 33, 4));
    EXPECT_EQ(FL_ERR_ARG, status(0.5, 0.8, 0, 0, 100));
    fl_dedupe_clusters *out = nullptr;
    EXPECT_EQ(FL_ERR_ARG,
              fl_dedupe_cluster(nullptr, nullptr, 2, 128, nullptr, nullptr, &out, nullptr));
    EXPECT_EQ(FL_ERR_ARG,
              fl_dedupe_cluster(sigs.data(), n.data(), 2, 128, nullptr, nullptr, nullptr, nullptr));
    // no documents: no clusters
    EXPECT_EQ(FL_OK, fl_dedupe_cluster(nullptr, nullptr, 0, 128, nullptr, nullptr, &out, nullptr));
    fl_dedupe_columns cols;
    fl_dedupe_clusters_get(out, &cols);
    EXPECT_EQ(0u, cols.n_docs);
    EXPECT_EQ(0u, cols.n_pairs);
    fl_dedupe_clusters_free(out);
    fl_dedupe_clusters_get(nullptr, &cols);
    EXPECT_EQ(0u, cols.n_docs);
}

// Allocation-failure sweeps: allocation N fails for N = 1, 2, ...; each call returns
// FL_ERR_NOMEM, frees what it made and leaves the scratch usable.
namespace {

template <class Op> size_t sweep(const char *what, Op op) {
    for (size_t n = 1; n < 100000; n++) {
        FailingAllocator a(n);
        fl_status st = op(a, n);
        EXPECT_EQ(0u, a.live) << what << ": leak when allocation " << n << " failed";
        if (!a.failed) {
            EXPECT_EQ(FL_OK, st) << what;
            return n - 1;
        }
        EXPECT_EQ(FL_ERR_NOMEM, st) << what << ": allocation " << n;
        if (::testing::Test::HasFailure()) {
            return n;
        }
    }
    ADD_FAILURE() << what << ": the sweep did not end";
    return 0;
}

} // namespace

TEST(DedupeAllocFailure, Signature) {
    // ASCII, the two-byte cache, the slow path (a mark, CJK) and a shingle set that grows.
    std::string letters;
    for (int i = 0; i < 3000; i++) {
        letters += static_cast<char>('a' + i % 26);
        letters += static_cast<char>('a' + (i / 26) % 26);
        letters += ' ';
    }
    std::string text = std::string(kArticle) + " Київ заявив e\u0301tat 中国 " + letters;
    Sig expected = signature(text);
    size_t needed = sweep("fl_dedupe_signature", [&](FailingAllocator &a, size_t n) {
        fl_dedupe_scratch *s = nullptr;
        fl_status st = fl_dedupe_scratch_new(&a, &s);
        if (st != FL_OK) {
            return st;
        }
        fl_dedupe_params p = params();
        std::vector<uint32_t> sig(128);
        uint64_t count = 0;
        fl_error err{};
        st = fl_dedupe_signature(&p, text.data(), text.size(), s, sig.data(), &count, &err);
        if (st == FL_OK) {
            EXPECT_EQ(expected.values, sig);
        } else {
            EXPECT_EQ(st, err.code);
            // the scratch stays usable
            bool failed = a.failed;
            a.reset(0);
            EXPECT_EQ(FL_OK, fl_dedupe_signature(&p, text.data(), text.size(), s, sig.data(),
                                                 &count, nullptr))
                << "allocation " << n;
            EXPECT_EQ(expected.values, sig) << "allocation " << n;
            EXPECT_EQ(expected.shingles, count);
            a.reset(n);
            a.failed = failed;
        }
        fl_dedupe_scratch_free(s);
        return st;
    });
    EXPECT_GE(needed, 4u);
}

TEST(DedupeAllocFailure, SignaturesBatch) {
    Corpus c = make_corpus(20, 6);
    std::vector<uint32_t> expected;
    std::vector<uint64_t> n_expected;
    sign_all(c.docs, params(), 1, expected, n_expected);
    std::vector<const char *> t;
    std::vector<size_t> l;
    for (const auto &d : c.docs) {
        t.push_back(d.data());
        l.push_back(d.size());
    }
    // One thread: the failing allocator counts without a lock.
    sweep("fl_dedupe_signatures", [&](FailingAllocator &a, size_t) {
        std::vector<uint32_t> sigs(expected.size());
        std::vector<uint64_t> n(c.docs.size());
        fl_dedupe_params p = params();
        fl_error err{};
        fl_status st = fl_dedupe_signatures(&p, t.data(), l.data(), c.docs.size(), 1, &a,
                                            sigs.data(), n.data(), &err);
        if (st == FL_OK) {
            EXPECT_EQ(expected, sigs);
            EXPECT_EQ(n_expected, n);
        } else {
            EXPECT_EQ(st, err.code);
        }
        return st;
    });
}

TEST(DedupeAllocFailure, Cluster) {
    Corpus c = make_corpus(40, 8);
    std::vector<uint32_t> sigs;
    std::vector<uint64_t> n;
    sign_all(c.docs, params(), 1, sigs, n);
    Clusters expected(sigs, n, 128);
    ASSERT_EQ(FL_OK, expected.status);
    std::vector<uint32_t> first(expected.cols.first, expected.cols.first + expected.cols.n_docs);
    size_t needed = sweep("fl_dedupe_cluster", [&](FailingAllocator &a, size_t i) {
        fl_dedupe_clusters *out = reinterpret_cast<fl_dedupe_clusters *>(&a);
        fl_error err{};
        fl_status st = fl_dedupe_cluster(sigs.data(), n.data(), n.size(), 128, nullptr, &a, &out,
                                         &err);
        if (st == FL_OK) {
            fl_dedupe_columns cols;
            fl_dedupe_clusters_get(out, &cols);
            EXPECT_EQ(first, std::vector<uint32_t>(cols.first, cols.first + cols.n_docs));
            EXPECT_EQ(expected.cols.n_pairs, cols.n_pairs);
        } else {
            EXPECT_EQ(nullptr, out) << "allocation " << i;
            EXPECT_EQ(st, err.code);
        }
        fl_dedupe_clusters_free(out);
        return st;
    });
    EXPECT_GE(needed, 6u);
}
