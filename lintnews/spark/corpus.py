"""The corpus phase (N001-N003) distributed over Spark, with the local engine's decisions.

Input: the per-document rows of `lintnews.spark.schemas.DOC_SCHEMA` (signatures computed in the
tasks). The stages, none of which brings rows to the driver:

1. exact copies: documents grouped by their normalised-text hash; each one's group is its
   first member (``twin`` of the local index);
2. site templates (N003): candidate lines exploded to rows; one occurrence per (line, exact
   group); per line its count and its stability (the most occurrences at one place from the
   start or from the end); the block of the lines recurring with it measured on a sample of
   `TEMPLATE_SAMPLE` documents in a task (`block_words`); the line hashes so found are the
   only thing collected on the driver (a set the size of the site templates, broadcast back);
3. LSH candidates: band keys as rows ``(band, key, ord)``; per bucket (a window ordered by
   input order) each member is paired with the `MAX_PEERS` members before it, or in a bucket
   of more than `BIG_BUCKET` members with the one before it and the first: the local engine's
   bounded buckets (`lintnews.corpus.lsh.candidates`);
4. connected components of the candidate pairs and exact-copy edges, by the large-star /
   small-star iteration (Kiveris et al., 2014) on DataFrames;
5. per component, in one task, the local engine's `find_duplicates` (exact verification,
   clustering, the kept copy, the closest match): a component holds every pair and copy its
   decisions depend on, so the results are the local ones.
"""

from __future__ import annotations

import math
from typing import Any

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

from lintnews.config import Settings
from lintnews.corpus.lsh import BIG_BUCKET, MAX_PEERS
from lintnews.corpus.options import CorpusOptions
from lintnews.corpus.templates import MAX_TEMPLATE_BLOCK_WORDS, TEMPLATE_SAMPLE
from lintnews.spark.schemas import BLOCK_SCHEMA, DIAG_SCHEMA
from lintnews.spark.tasks import component_task, template_task

#: Iterations of large-star / small-star before giving up (it converges in O(log n) rounds).
MAX_ROUNDS = 64


def corpus_diagnostics(spark: SparkSession, docs: DataFrame, settings: Settings) -> DataFrame:
    """``(ord, diagnostic)``: the corpus diagnostics (pickled `Diagnostic`s) of the analysed
    documents ``docs`` (rows of `DOC_SCHEMA` with a signature)."""
    options = CorpusOptions.from_settings(settings)
    signed = docs.where(F.col("sig").isNotNull())
    n = signed.count()
    # 1. exact copies: the first document of each normalised text
    group = signed.select(
        "ord",
        "path",
        "record",
        "record_line",
        "enabled",
        "text_hash",
        "comparable",
        "band_keys",
        "lines",
        F.when(F.col("text_hash").isNull(), F.col("ord"))
        .otherwise(F.min("ord").over(Window.partitionBy("text_hash")))
        .alias("group"),
    ).persist()
    template, reported = _templates(spark, group, options, n)
    out = _template_diagnostics(group, reported, settings, n)
    pairs = _candidates(group)
    twins = group.where(F.col("group") != F.col("ord")).select(
        F.col("ord").alias("a"), F.col("group").alias("b")
    )
    comp = components(pairs.unionByName(twins))
    members = (
        comp.join(signed.select("ord", "sig"), "ord")
        .groupBy("comp")
        .agg(F.collect_list(F.struct("ord", "sig")).alias("docs"))
    )
    edges = (
        pairs.join(comp.withColumnRenamed("ord", "a"), "a")
        .groupBy("comp")
        .agg(F.collect_list(F.struct("a", "b")).alias("pairs"))
    )
    work = members.join(edges, "comp", "left").select("docs", "pairs")
    found = work.mapInArrow(component_task(settings, template), from_arrow_schema(DIAG_SCHEMA))
    return out.unionByName(found)


def _templates(
    spark: SparkSession, group: DataFrame, options: CorpusOptions, n: int
) -> tuple[set[int], DataFrame]:
    """The template line hashes (unsigned, collected: a set the size of the site templates)
    and ``(hash, count)`` of those reported (`lintnews.corpus.templates.find_templates`, and
    `CorpusIndex._finish` for the share)."""
    rows = group.select("ord", "group", F.explode("lines").alias("l")).select(
        "ord",
        "group",
        "l.hash",
        "l.k",
        "l.from_start",
        "l.from_end",
        "l.words",
    )
    # one occurrence per (line, exact group): its first row in input order
    first = Window.partitionBy("hash", "group").orderBy("ord", "k")
    occ = rows.withColumn("i", F.row_number().over(first)).where(F.col("i") == 1).drop("i").persist()
    counts = occ.groupBy("hash").agg(F.count("*").alias("count"))
    at_start = occ.groupBy("hash", "from_start").count().groupBy("hash").agg(F.max("count").alias("s"))
    at_end = occ.groupBy("hash", "from_end").count().groupBy("hash").agg(F.max("count").alias("e"))
    recurring = (
        counts.where(F.col("count") >= options.template_min_docs)
        .join(at_start, "hash")
        .join(at_end, "hash")
        .where(F.greatest("s", "e") >= F.lit(options.template_min_stability) * F.col("count"))
        .select("hash", "count")
    )
    # the block of lines recurring with it, on the documents of its first occurrences
    by_line = Window.partitionBy("hash").orderBy("ord", "k")
    sample = (
        occ.join(recurring.select("hash"), "hash")
        .withColumn("i", F.row_number().over(by_line))
        .where(F.col("i") <= TEMPLATE_SAMPLE)
        .select(F.col("hash").alias("line"), "ord")
    )
    sample_rows = (
        sample.join(rows.select("ord", "hash", "k", "words"), "ord")
        .groupBy("line")
        .agg(F.collect_list(F.struct("ord", "k", "hash", "words")).alias("sample"))
    )
    blocks = sample_rows.select(F.col("line").alias("hash"), "sample").mapInArrow(
        _block, from_arrow_schema(BLOCK_SCHEMA)
    )
    template = recurring.join(blocks.where(F.col("words") <= MAX_TEMPLATE_BLOCK_WORDS), "hash").persist()
    hashes = {h & 0xFFFFFFFFFFFFFFFF for (h,) in template.select("hash").collect()}
    need = max(options.template_min_docs, math.ceil(options.template_min_share * n))
    occ.unpersist()
    return hashes, template.where(F.col("count") >= need).select("hash", "count")


def _block(batches: Any) -> Any:
    from lintnews.spark.tasks import block_task

    return block_task(batches)


def _template_diagnostics(group: DataFrame, reported: DataFrame, settings: Settings, n: int) -> DataFrame:
    """N003 on the first row of each reported template line in each document."""
    rows = group.select(
        "ord", "path", "record", "record_line", "enabled", F.explode("lines").alias("l")
    ).select("ord", "path", "record", "record_line", "enabled", "l.*")
    hits = rows.join(F.broadcast(reported), "hash")
    first = Window.partitionBy("ord", "hash").orderBy("k")
    hits = (
        hits.withColumn("i", F.row_number().over(first))
        .where(F.col("i") == 1)
        .select(
            "ord",
            "path",
            "record",
            "record_line",
            "enabled",
            "count",
            "line",
            "column",
            "end_line",
            "end_column",
        )
    )
    return hits.mapInArrow(template_task(settings, n), from_arrow_schema(DIAG_SCHEMA))


def _candidates(group: DataFrame) -> DataFrame:
    """``(a, b)``: the candidate pairs (earlier, later) of the LSH buckets, bounded as the local
    engine bounds them (`lintnews.corpus.lsh.candidates`)."""
    keys = group.where("comparable").select("ord", F.posexplode("band_keys").alias("band", "key"))
    bucket = Window.partitionBy("band", "key")
    ordered = bucket.orderBy("ord")
    peers = (
        keys.withColumn("size", F.count("*").over(bucket))
        .withColumn("first", F.first("ord").over(ordered.rowsBetween(Window.unboundedPreceding, 0)))
        .withColumn("before", F.collect_list("ord").over(ordered.rowsBetween(-MAX_PEERS, -1)))
    )
    chosen = F.when(
        F.col("size") > BIG_BUCKET,
        F.array_distinct(
            F.filter(F.array(F.element_at("before", -1), F.col("first")), lambda x: x != F.col("ord"))
        ),
    ).otherwise(F.col("before"))
    return (
        peers.where(F.size("before") > 0)
        .select(F.explode(chosen).alias("a"), F.col("ord").alias("b"))
        .distinct()
    )


def components(edges: DataFrame) -> DataFrame:
    """``(ord, comp)``: every node of the undirected ``edges`` (``a``, ``b``) and the smallest
    node of its connected component, by alternating large-star and small-star until every edge
    points at a root (Kiveris, Lattanzi, Mirrokni, Rastogi, Vassilvitskii: "Connected Components
    in MapReduce and Beyond", SoCC 2014). The edges stay in Spark."""
    e = (
        edges.where(F.col("a") != F.col("b"))
        .select(F.greatest("a", "b").alias("u"), F.least("a", "b").alias("v"))
        .distinct()
        .localCheckpoint()
    )
    for _ in range(MAX_ROUNDS):
        # large-star: every neighbour larger than u is linked to the smallest of u's neighbourhood
        both = e.unionByName(e.select(F.col("v").alias("u"), F.col("u").alias("v")))
        low = both.groupBy("u").agg(F.least(F.min("v"), F.col("u")).alias("m"))
        e = (
            both.join(low, "u")
            .where(F.col("v") > F.col("u"))
            .select(F.col("v").alias("u"), F.col("m").alias("v"))
            .distinct()
        )
        # small-star: u and its smaller neighbours are linked to the smallest of them
        low = e.groupBy("u").agg(F.min("v").alias("m"))
        e = (
            e.join(low, "u")
            .where(F.col("v") != F.col("m"))
            .select(F.col("v").alias("u"), F.col("m").alias("v"))
            .unionByName(low.select("u", F.col("m").alias("v")))
            .distinct()
            .localCheckpoint()
        )
        # done when the graph is stars: no node is both a parent and a child, none has two parents
        parents = e.groupBy("u").agg(F.count("*").alias("n")).where("n > 1").select(F.col("u").alias("x"))
        if parents.unionByName(
            e.select(F.col("v").alias("x")).intersect(e.select(F.col("u").alias("x")))
        ).isEmpty():
            break
    else:  # pragma: no cover - a guard; the iteration converges in O(log n) rounds
        raise RuntimeError("connected components did not converge")
    return (
        e.select(F.col("u").alias("ord"), F.col("v").alias("comp"))
        .unionByName(e.select(F.col("v").alias("ord"), F.col("v").alias("comp")))
        .distinct()
    )
