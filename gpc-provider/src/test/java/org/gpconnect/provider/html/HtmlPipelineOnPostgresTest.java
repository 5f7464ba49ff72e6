package org.gpconnect.provider.html;

import org.gpconnect.store.TestDatabase;

class HtmlPipelineOnPostgresTest extends HtmlPipelineApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
