package org.gpconnect.provider.html;

import org.gpconnect.store.TestDatabase;

class HtmlPipelineOnH2Test extends HtmlPipelineApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
