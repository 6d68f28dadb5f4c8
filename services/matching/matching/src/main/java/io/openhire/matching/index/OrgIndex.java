package io.openhire.matching.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * One organisation's two indexes, candidates and jobs: nothing of one organisation is ever in another's
 * index, so no query can cross organisations. Writes are visible after {@link #refresh()} (near real time);
 * nothing is committed, because the index is rebuilt from the database at every start.
 */
public final class OrgIndex implements Closeable {

    /** The candidate or job side. */
    public static final class Side implements Closeable {
        private final IndexWriter writer;
        private final SearcherManager searchers;

        Side(Path dir, Analyzer analyzer) throws IOException {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(16)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(FSDirectory.open(dir), config);
            this.searchers = new SearcherManager(writer, null);
        }

        public void upsert(UUID id, Document doc) {
            try {
                writer.updateDocument(new Term(IndexFields.ID, id.toString()), doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void delete(UUID id) {
            try {
                writer.deleteDocuments(new Term(IndexFields.ID, id.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Rewrites the segments that hold deleted documents: a deleted document is out of every search at once,
         * but its fields stay in the index files until a merge; after an erasure they must go too.
         */
        public void expungeDeletes() {
            try {
                writer.forceMergeDeletes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void refresh() {
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Runs a search on the latest refreshed view. */
        public <T> T search(SearchFunction<T> search) {
            try {
                IndexSearcher searcher = searchers.acquire();
                try {
                    return search.apply(searcher);
                } finally {
                    searchers.release(searcher);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int count() {
            return search(s -> s.getIndexReader().numDocs());
        }

        @Override
        public void close() throws IOException {
            searchers.close();
            writer.rollback();
            writer.getDirectory().close();
        }
    }

    @FunctionalInterface
    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Side candidates;
    private final Side jobs;

    public OrgIndex(Path dir) {
        try {
            Analyzer analyzer = IndexFields.analyzer();
            this.candidates = new Side(dir.resolve("candidates"), analyzer);
            this.jobs = new Side(dir.resolve("jobs"), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Side candidates() {
        return candidates;
    }

    public Side jobs() {
        return jobs;
    }

    public void refresh() {
        candidates.refresh();
        jobs.refresh();
    }

    @Override
    public void close() throws IOException {
        try (candidates;
                jobs) {
            // both closed, even if one fails
        }
    }
}
