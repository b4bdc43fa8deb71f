package org.caseflow.workflow.security;

import java.io.ByteArrayInputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.FunctionNode;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.caseflow.workflow.WorkflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Text;

/**
 * A model may call only the project's own steps: a deployment whose expressions or delegates name
 * anything else is refused with the reason (a 400 over REST, shown by the Modeler's deploy dialog), and
 * nothing of it is deployed. Allowed are the beans listed in {@code caseflow.workflow.expression-beans}
 * (any of their methods), the case's variables (read, compared, combined), and of {@code execution} and
 * {@code task} only reading variables and the business key. Refused are Java classes as delegates,
 * scripts and connectors, method calls on anything else, brackets, EL functions, and in decision tables
 * any expression language but FEEL.
 *
 * <p>The same list bounds what expressions can reach when they run: the engine resolves only the listed
 * beans, so a model deployed before this check cannot call another bean either.
 */
@Component
class CheckedDeployments extends AbstractProcessEnginePlugin implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(CheckedDeployments.class);

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
    private static final Set<String> CONTEXT_READS = Set.of("getVariable", "getVariableLocal", "hasVariable", "processBusinessKey",
            "businessKey", "getProcessBusinessKey", "getBusinessKey", "processInstanceId", "getProcessInstanceId");
    private static final Set<String> REFUSED_ATTRIBUTES = Set.of("class", "variableMappingClass", "resource", "scriptFormat");
    private static final Set<String> REFUSED_ELEMENTS = Set.of("scriptTask", "script", "connector");

    private final Set<String> beans;
    private final ApplicationContext context;

    CheckedDeployments(WorkflowProperties properties, ApplicationContext context) {
        this.beans = Set.copyOf(properties.expressionBeans());
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this);
        configuration.setCustomPreDeployers(deployers);
        ListedBeans listed = new ListedBeans();
        configuration.setBeans(listed);
        // Spring's factory made the expression manager before any plugin ran, with every bean in reach.
        configuration.setExpressionManager(new SpringExpressionManager(context, listed));
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                String refusal = check(name, resource.getBytes());
                if (refusal != null) {
                    log.warn("Deployment '{}' refused: {}", deployment.getName(), refusal);
                    throw new BadUserRequestException("Deployment refused: " + refusal);
                }
            }
        }
    }

    /** Null when the model names only what it may, else why not. */
    String check(String resourceName, byte[] xml) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return null;  // not well-formed: the engine's own parser says why
        }
        boolean decisions = resourceName.endsWith(".dmn") || resourceName.endsWith(".dmn11.xml");
        return check(resourceName, document.getDocumentElement(), decisions);
    }

    private String check(String resource, Element element, boolean decisions) {
        String where = resource + ", " + element.getLocalName() + (element.hasAttribute("id") ? " '" + element.getAttribute("id") + "'" : "");
        if (REFUSED_ELEMENTS.contains(element.getLocalName())) {
            return where + ": scripts and connectors are not allowed; use the project's steps (element templates)";
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (CAMUNDA.equals(attribute.getNamespaceURI()) && REFUSED_ATTRIBUTES.contains(name)) {
                return where + ": camunda:" + name + " is not allowed (a Java class or a script); use the project's steps (element templates)";
            }
            if (decisions && name.equals("expressionLanguage") && !attribute.getValue().toLowerCase().contains("feel")) {
                return where + ": a decision table's expressions are FEEL only, not " + attribute.getValue();
            }
            String refusal = checkText(where, attribute.getValue(), decisions);
            if (refusal != null) {
                return refusal;
            }
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            String refusal = child instanceof Element nested ? check(resource, nested, decisions)
                    : child instanceof Text text ? checkText(where, text.getData(), decisions) : null;
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private String checkText(String where, String text, boolean decisions) {
        if (decisions || text == null || !(text.contains("${") || text.contains("#{"))) {
            return null;
        }
        try {
            Node root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text.strip()).getRoot();
            String refusal = checkNode(root);
            return refusal == null ? null : where + ": " + text.strip() + " " + refusal;
        } catch (TreeBuilderException e) {
            return where + ": " + text.strip() + " is not an expression the engine can read";
        }
    }

    private String checkNode(Node node) {
        if (node instanceof FunctionNode) {
            return "calls a function, which is not allowed";
        }
        if (node instanceof AstBracket) {
            return "uses brackets, which are not allowed";
        }
        if (node instanceof AstMethod method) {
            Node property = method.getChild(0);
            if (!(property instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier target)) {
                return "calls a method on something other than a listed bean";
            }
            String name = propertyName(dot);
            if (!beans.contains(target.getName()) && !(CONTEXT_OBJECTS.contains(target.getName()) && CONTEXT_READS.contains(name))) {
                return "calls " + target.getName() + "." + name + "(), which is not a method of a listed bean "
                        + beans.stream().sorted().toList() + " nor a read of a variable";
            }
            return checkNode(method.getChild(1));
        }
        if (node instanceof AstDot dot) {
            if (!(dot.getChild(0) instanceof AstIdentifier target)) {
                return "reads a property of something other than a listed bean or execution";
            }
            String name = propertyName(dot);
            boolean allowed = beans.contains(target.getName())
                    || CONTEXT_OBJECTS.contains(target.getName()) && CONTEXT_READS.contains(name);
            return allowed ? null : "reads " + target.getName() + "." + name + ", which is not allowed";
        }
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (!beans.contains(name) && !CONTEXT_OBJECTS.contains(name) && context.containsBean(name)) {
                return "names " + name + ", which is not one of the project's listed steps " + beans.stream().sorted().toList();
            }
            return null;
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String refusal = checkNode(node.getChild(i));
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** AstDot prints itself as ". name". */
    private static String propertyName(AstDot dot) {
        return dot.toString().replaceFirst("^\\.\\s*", "");
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    /** The beans expressions may reach when they run: the listed ones, looked up when first asked for. */
    private final class ListedBeans extends AbstractMap<Object, Object> {

        @Override
        public boolean containsKey(Object key) {
            return beans.contains(key) && context.containsBean((String) key);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            Set<Map.Entry<Object, Object>> entries = new java.util.LinkedHashSet<>();
            beans.stream().filter(context::containsBean).forEach(name -> entries.add(new SimpleEntry<>(name, context.getBean(name))));
            return entries;
        }
    }
}
